// The "done when": a facilitator, two in-room tablets, one remote
// joiner (lobby, then admitted) and a display run a whole meeting over real
// sockets, from gathering to closed, with a pause, a decline, bottom lines and
// then acceptance.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';

let server: Running;
let fx: Fixture;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer();
  fx = await createFixture(server.url);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

function open(auth: Record<string, unknown>, cookie?: string) {
  return Client.open(server.url, auth, cookie).then((c) => (clients.push(c), c));
}

test('a whole meeting runs from gathering to closed', async () => {
  const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
  const ann = await open({ token: fx.tokenOf(fx.ids.ann) });
  const bob = await open({ token: fx.tokenOf(fx.ids.bob) });
  const display = await open({ token: fx.links.display.token });
  expect(facilitator.view.phase).toBe('gathering');

  // A relative not on the plan joins through the shared remote link and waits in the lobby.
  const remote = await open({ token: fx.links.remote.token, name: 'Aunt May' });
  const waiting = remote.view as ParticipantView;
  expect(waiting.lobby).toBe('waiting');
  expect(waiting.you.admitted).toBe(false);
  const inLobby = (await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1)) as FacilitatorView;
  const guestId = inLobby.lobby[0]!.participantId;
  expect(inLobby.lobby[0]!.name).toBe('Aunt May');

  expect(await facilitator.send({ type: 'lobby.admit', participantId: guestId })).toMatchObject({ ok: true });
  await remote.waitFor((v) => (v as ParticipantView).you.admitted);
  expect(await ann.send({ type: 'participant.ready' }, null)).toMatchObject({ ok: true });
  expect(await remote.send({ type: 'participant.ready' }, null)).toMatchObject({ ok: true });

  const f = (payload: Record<string, unknown>) => facilitator.send(payload as never);
  expect(await f({ type: 'meeting.start' })).toMatchObject({ ok: true });
  expect(await f({ type: 'turns.begin' })).toMatchObject({ ok: true });
  await ann.waitFor((v) => v.currentSpeakerId === fx.ids.ann);

  // Ann finishes her own turn; Bob is next.
  expect(await ann.send({ type: 'turn.done' })).toMatchObject({ ok: true });
  const bobTurn = await bob.waitFor((v) => v.currentSpeakerId === fx.ids.bob);
  const deadline = bobTurn.turnEndsAt!;

  // Pause in the middle: everyone sees it; resume returns to Bob, with his time intact.
  expect(await f({ type: 'pause.start', reason: 'outburst' })).toMatchObject({ ok: true });
  for (const c of [ann, bob, display, remote]) await c.waitFor((v) => v.phase === 'paused' && v.paused);
  await new Promise((r) => setTimeout(r, 50));
  expect(await f({ type: 'pause.end' })).toMatchObject({ ok: true });
  const resumed = await display.waitFor((v) => v.phase === 'speaking');
  expect(resumed.currentSpeakerId).toBe(fx.ids.bob);
  expect(resumed.turnEndsAt!).toBeGreaterThanOrEqual(deadline + 50);

  expect(await f({ type: 'turn.next' })).toMatchObject({ ok: true });
  expect(await f({ type: 'turn.skip' })).toMatchObject({ ok: true }); // Cy has not joined: skipped
  expect(await f({ type: 'offer.present' })).toMatchObject({ ok: true });
  expect(await f({ type: 'offer.respond', response: 'declined', note: 'not today' })).toMatchObject({ ok: true });
  expect(await f({ type: 'bottomLines.begin' })).toMatchObject({ ok: true });

  const annBottom = (await ann.waitFor((v) => v.phase === 'bottom-lines')) as ParticipantView;
  expect(annBottom.bottomLine).toMatch(/Ann-bottom-line/);
  expect(annBottom.currentSpeakerId).toBe(fx.ids.ann);
  expect(await ann.send({ type: 'turn.done' })).toMatchObject({ ok: true });
  expect(await f({ type: 'turn.next' })).toMatchObject({ ok: true });
  expect(await f({ type: 'offer.present' })).toMatchObject({ ok: true });
  expect(await f({ type: 'offer.respond', response: 'accepted' })).toMatchObject({ ok: true });
  expect(await f({ type: 'meeting.end', outcome: 'accepted', note: 'bed confirmed' })).toMatchObject({ ok: true });
  const ended = await display.waitFor((v) => v.phase === 'outcome');
  expect(ended.outcome).toBe('accepted');
  expect(await f({ type: 'meeting.close' })).toMatchObject({ ok: true });
  for (const c of [facilitator, ann, bob, display, remote]) await c.waitFor((v) => v.phase === 'closed');

  const last = facilitator.view as FacilitatorView;
  expect(last.pauses).toHaveLength(1);
  expect(last.pauses[0]!.reason).toBe('outburst');
  expect(last.responses.map((r) => r.response)).toEqual(['declined', 'accepted']);
  // Revision counts accepted commands: 3 lobby/ready + 16 agenda commands.
  expect(last.revision).toBe(19);
});
