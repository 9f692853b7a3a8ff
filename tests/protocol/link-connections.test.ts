// Over real sockets: a link holds a few live connections, and a newer one makes
// the oldest step aside, told why. Issue 12, case 1 (one link, many sockets).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { LINK_CONNECTIONS } from '../../server/realtime/per-link.js';
import { Harness, nextDisconnect, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;
let facilitator: Client;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
  facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
});
afterAll(() => h.close());

/** Resolves with what the server said before letting this socket go; rejects if it says nothing. */
function replaced(client: Client, timeoutMs = 5000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not told it was replaced')), timeoutMs);
    client.socket.once('connection:replaced', (reason: unknown) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Open `count` connections with `auth`, one after another, as screens opening a link do. */
async function openInTurn(count: number, auth: Record<string, unknown>): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i++) clients.push(await h.open(auth));
  return clients;
}

/** Wait until every socket the server closed has seen its disconnect: one round trip through the facilitator. */
async function settle() {
  await facilitator.send({ type: 'lobby.lock' });
  await facilitator.send({ type: 'lobby.unlock' });
}

test('issue 12, case 1: a fourth screen on a personal link makes the first step aside, told why', async () => {
  expect(LINK_CONNECTIONS.personal).toBe(3);
  const [first, ...others] = await openInTurn(3, { token: fx.tokenOf(fx.ids.ann) });
  const told = replaced(first!);
  const gone = nextDisconnect(first!);
  const fourth = await h.open({ token: fx.tokenOf(fx.ids.ann) });
  expect(await told).toEqual({ reason: 'opened-elsewhere' });
  expect(await gone).toBe('io server disconnect');
  await settle();
  expect([...others, fourth].every((c) => c.socket.connected)).toBe(true);
  // Ann is still here, on her three newest screens.
  const ann = (facilitator.view as FacilitatorView).members.find((m) => m.participantId === fx.ids.ann)!;
  expect(ann.presence).toBe('connected');
  for (const c of [...others, fourth]) c.close();
});

test('issue 12, case 1: the repro, twenty sockets on one token, leaves three open', async () => {
  const clients = await openInTurn(20, { token: fx.tokenOf(fx.ids.bob) });
  await settle();
  const open = clients.filter((c) => c.socket.connected);
  expect(open).toEqual(clients.slice(-LINK_CONNECTIONS.personal));
  for (const c of clients) c.close();
});

test('issue 12, case 1: the display link holds more screens, and the oldest goes past them', async () => {
  const displays = await openInTurn(LINK_CONNECTIONS.display, { token: fx.links.display.token });
  const told = replaced(displays[0]!);
  const one = await h.open({ token: fx.links.display.token });
  expect(await told).toEqual({ reason: 'opened-elsewhere' });
  await settle();
  expect([...displays, one].filter((c) => c.socket.connected)).toHaveLength(LINK_CONNECTIONS.display);
  expect(displays[0]!.socket.connected).toBe(false);
  expect((facilitator.view as FacilitatorView).displaysConnected).toBe(LINK_CONNECTIONS.display);
});

test('issue 12, case 1: a guest’s own link holds as many as a personal one', async () => {
  const joined = await h.open({ token: fx.links.remote.token, name: 'Aunt May' });
  const own = joined.credentials[0] ?? (await new Promise<{ token: string }>((r) => joined.socket.once('meeting:credential', r)));
  const told = replaced(joined);
  const again = await openInTurn(LINK_CONNECTIONS.personal, { token: own.token });
  expect(await told).toEqual({ reason: 'opened-elsewhere' });
  expect((again.at(-1)!.view as ParticipantView).you.participantId).toBe((joined.view as ParticipantView).you.participantId);
});
