// Activity pushes back a facilitator session's idle deadline (issue 13), and
// each refresh is a write on the event loop: a session with many consoles open
// is refreshed once per ACTIVITY_EVERY_MS, not once per console (issue 14).
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { Harness, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
});
afterAll(() => h.close());

test('issue 14, receive path, case 4: three consoles of one session, each sending a command, refresh the session once', async () => {
  const consoles = [];
  for (let i = 0; i < 3; i++) consoles.push(await h.open({ meetingId: fx.meetingId }, fx.api.cookie));
  const accounts = h.server.threshold.services.store.accounts;
  const extended = vi.spyOn(accounts, 'extendSession');
  try {
    // Whatever each answer is, each command is activity in the session.
    for (const console of consoles) await console.send({ type: 'meeting.start' } as never, 0);
    // The refresh is not awaited by the command: let it land.
    await vi.waitFor(() => expect(extended).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(extended).toHaveBeenCalledTimes(1);
  } finally {
    extended.mockRestore();
  }
});
