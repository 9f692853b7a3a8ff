// Over real sockets: someone waiting in the lobby learns nothing of how the
// meeting moves, neither from the answers to what they send nor from how often
// a view reaches them. Issue 12, case 8 (the leaks the lobby view left).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import type { Ack } from '../../shared/protocol.js';
import { Harness, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;
let facilitator: Client;
let cy: Client;
let may: Client;
let mayId: string;

const f = async (payload: Record<string, unknown>) => expect(await facilitator.send(payload as never)).toMatchObject({ ok: true });
/** Commands that move the meeting along while Cy and May wait: four revisions, back where it was. */
async function meetingMoves() {
  await f({ type: 'pause.start', reason: 'other' });
  await f({ type: 'pause.end' });
  await f({ type: 'lobby.lock' });
  await f({ type: 'lobby.unlock' });
}

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
  facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  const ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
  expect(await ann.send({ type: 'signal.send', kind: 'need-a-moment' }, null)).toMatchObject({ ok: true });
  cy = await h.open({ token: fx.tokenOf(fx.ids.cy) });
  may = await h.open({ token: fx.links.remote.token, name: 'Aunt May' });
  mayId = (may.view as ParticipantView).you.participantId;
  await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 2);
  await f({ type: 'meeting.start' });
});
afterAll(() => h.close());

test('issue 12, case 8: someone waiting gets one lobby view, not a fresh copy after every command', async () => {
  await meetingMoves();
  const last = facilitator.view.revision;
  // The display and everyone admitted have had the last command's view; the lobby had nothing since its first.
  const ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
  expect(ann.view.revision).toBe(last);
  for (const waiting of [cy, may]) {
    expect(waiting.views).toHaveLength(1);
    expect(waiting.view).toMatchObject({ lobby: 'waiting', revision: 0 });
  }
});

test('issue 12, case 8: a refusal to someone waiting says revision 0, whatever the meeting’s revision', async () => {
  expect(facilitator.view.revision).toBeGreaterThan(5);
  const answers: Ack[] = [
    await may.send({ type: 'signal.send', kind: 'need-a-moment' }, null), // FORBIDDEN: not let in yet
    await may.send({ type: 'turn.next' }, 0), // FORBIDDEN
    await may.raw({ commandId: 'lobby-bad', type: 'no.such.command' }), // INVALID
    await cy.send({ type: 'participant.ready' }, null),
  ];
  for (const answer of answers) expect(answer).toMatchObject({ ok: false, revision: 0 });
  // Someone else's command id: INVALID, again at 0.
  const used = await facilitator.send({ type: 'pause.start', reason: 'other' }, facilitator.view.revision, 'used-by-the-facilitator');
  expect(used).toMatchObject({ ok: true });
  await f({ type: 'pause.end' });
  expect(await may.send({ type: 'signal.send', kind: 'need-a-moment' }, null, 'used-by-the-facilitator')).toMatchObject({
    ok: false, error: { code: 'INVALID' }, revision: 0,
  });
});

test('issue 12, case 8: over its message budget, someone waiting is answered RATE_LIMITED at revision 0', async () => {
  const answers = (await Promise.all(
    Array.from({ length: 160 }, (_, i) => may.socket.timeout(10_000).emitWithAck('meeting:command', { commandId: `w-${i}`, type: 'participant.ready' })),
  )) as Ack[];
  expect(answers.some((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toBe(true);
  expect(answers.every((a) => a.revision === 0)).toBe(true);
});

test('issue 12, case 8: the lobby view changes, and is sent, when someone is admitted, returned or denied', async () => {
  await f({ type: 'lobby.admit', participantId: mayId });
  const admitted = await may.waitFor((v) => (v as ParticipantView).you.admitted);
  expect(admitted.revision).toBe(facilitator.view.revision);
  await meetingMoves();
  await may.waitFor((v) => v.revision === facilitator.view.revision);
  await f({ type: 'lobby.return', participantId: mayId });
  await may.waitFor((v) => (v as ParticipantView).lobby === 'waiting');
  const views = may.views.length;
  await meetingMoves();
  await f({ type: 'lobby.deny', participantId: fx.ids.cy });
  await cy.waitFor((v) => (v as ParticipantView).lobby === 'denied');
  expect(cy.views.map((v) => (v as ParticipantView).lobby)).toEqual(['waiting', 'denied']);
  expect(cy.view.revision).toBe(0);
  // Back in the lobby, May saw none of those commands either.
  const ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
  expect(ann.view.revision).toBe(facilitator.view.revision);
  expect(may.views).toHaveLength(views);
});
