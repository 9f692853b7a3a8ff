// Over real sockets: the message budget belongs to a person, a link or a
// facilitator's session, so opening more sockets on one credential buys no more
// messages. Issue 12, case 1 (one link, many sockets, unlimited signals).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { Harness, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
});
afterAll(() => h.close());

/** Send `count` commands from each client at once; the answers, all clients together. */
async function burst(clients: Client[], count: number, body: (i: number) => Record<string, unknown>): Promise<Ack[]> {
  let n = 0;
  const sends = clients.flatMap((client) =>
    Array.from({ length: count }, () => client.socket.timeout(20_000).emitWithAck('meeting:command', { commandId: `b-${++n}-${Date.now()}`, ...body(n) }) as Promise<Ack>),
  );
  return Promise.all(sends);
}
const limited = (answers: Ack[]) => answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length;

test('issue 12, case 1: three sockets on one person’s link share one budget, and nobody else’s is touched', async () => {
  const anns = await Promise.all([0, 1, 2].map(() => h.open({ token: fx.tokenOf(fx.ids.ann) })));
  const bob = await h.open({ token: fx.tokenOf(fx.ids.bob) });
  // 240 taps, each socket well under the default burst of 100 (20 a second, five seconds' worth).
  const [answers, bobs] = await Promise.all([
    burst(anns, 80, (i) => ({ type: 'signal.send', kind: i % 2 ? 'want-to-speak' : 'need-a-moment' })),
    burst([bob], 20, () => ({ type: 'signal.send', kind: 'want-to-speak' })),
  ]);
  const accepted = answers.filter((a) => a.ok).length;
  expect(accepted).toBeGreaterThanOrEqual(100);
  expect(accepted).toBeLessThan(130);
  expect(limited(answers)).toBe(answers.length - accepted);
  expect(bobs.every((a) => a.ok)).toBe(true);
  for (const ann of anns) ann.close();
});

test('issue 12, case 1: closing the socket and opening a new one does not buy a fresh budget', async () => {
  // Cy waits in the lobby, so his commands are refused (no write, fast): only the budget is measured.
  const first = await h.open({ token: fx.tokenOf(fx.ids.cy) });
  expect(limited(await burst([first], 120, () => ({ type: 'turn.next' })))).toBeGreaterThan(10);
  first.close();
  const again = await h.open({ token: fx.tokenOf(fx.ids.cy) });
  // A fresh budget would take all 60.
  expect(limited(await burst([again], 60, () => ({ type: 'turn.next' })))).toBeGreaterThan(40);
  again.close();
});

test('issue 12, case 1: a facilitator’s consoles share one budget per session, and display sockets one per link', async () => {
  const consoles = await Promise.all([0, 1].map(() => h.open({ meetingId: fx.meetingId }, fx.api.cookie)));
  // Refused as INVALID when looked at; past the shared budget, not looked at (RATE_LIMITED).
  expect(limited(await burst(consoles, 80, () => ({ type: 'no.such.command' })))).toBeGreaterThan(40);
  const displays = await Promise.all([0, 1].map(() => h.open({ token: fx.links.display.token })));
  expect(limited(await burst(displays, 80, () => ({ type: 'turn.next' })))).toBeGreaterThan(40);
});
