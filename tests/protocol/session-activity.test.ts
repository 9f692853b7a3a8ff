// Activity pushes back a facilitator session's idle deadline (issue 13), and
// each refresh is a write on the event loop: a session with many consoles open
// is refreshed once per ACTIVITY_EVERY_MS, not once per console (issue 14).
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { startServer, Client, createFixture } from '../helpers/server.js';
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

test('issue 14, receive path, case 5: the once-per-30-s limit counts on the server\'s clock, the one the idle deadline is on', async () => {
  // The per-session limit first read the wall clock: with the server's clock 61 s on and the wall's
  // a few seconds, a key pressed at the "Still there?" warning was not recorded and the session
  // lapsed (tests/e2e/idle.test.ts failed so in CI, 30 November).
  let now = Date.now();
  const server = await startServer({}, undefined, () => now);
  const clients: Client[] = [];
  try {
    const own = await createFixture(server.url);
    const console = Client.connect(server.url, { meetingId: own.meetingId }, own.api.cookie);
    clients.push(console);
    await console.waitFor(() => true);
    const extended = vi.spyOn(server.threshold.services.store.accounts, 'extendSession');
    await console.send({ type: 'meeting.start' } as never, 0);
    await vi.waitFor(() => expect(extended).toHaveBeenCalledTimes(1));
    now += 31_000;
    await console.send({ type: 'meeting.start' } as never, 1);
    await vi.waitFor(() => expect(extended).toHaveBeenCalledTimes(2));
  } finally {
    for (const c of clients) c.close();
    await server.close();
  }
});
