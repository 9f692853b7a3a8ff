// Over real sockets: the speaking order holds only people who are there
// (issue 12, case 7), and someone in the lobby learns nothing of how far the
// meeting has got (issue 12, case 8).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DisplayView, FacilitatorView, MeetingView, ParticipantView } from '../../shared/meeting/view.js';
import { expectViewContract, Harness, nextDisconnect, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;
let facilitator: Client;
let display: Client;
let cy: Client;

const f = (payload: Record<string, unknown>) => facilitator.send(payload as never);
const fview = () => facilitator.view as FacilitatorView;
const orderIds = (view: MeetingView) => view.speakingOrder.map((s) => s.participantId);
/** The fields of a lobby view that would move with the meeting, were they not fixed. */
const lobbyFields = (view: MeetingView) => {
  const { revision, phase, paused, round, approach, speakingOrder, currentSpeakerId, turnEndsAt, outcome } = view;
  return { revision, phase, paused, round, approach, speakingOrder, currentSpeakerId, turnEndsAt, outcome };
};
const WAITING_ONLY = {
  revision: 0,
  phase: 'gathering',
  paused: false,
  round: 'letters',
  approach: null,
  speakingOrder: [],
  currentSpeakerId: null,
  turnEndsAt: null,
  outcome: null,
};

beforeAll(async () => {
  await h.start();
  // Cy has a bottom line too, so that he is in that round (issue 13, item 11: only readers are).
  fx = await h.fixture({
    approach: 'johnson',
    beforeMeeting: async (api, caseId, ids) => {
      expect((await api.request('PATCH', `/api/cases/${caseId}/participants/${ids.cy}`, { bottomLine: 'Cy-bottom-line: no more visits' })).status).toBe(200);
    },
  });
  facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  display = await h.open({ token: fx.links.display.token });
  await h.open({ token: fx.tokenOf(fx.ids.ann) });
  cy = await h.open({ token: fx.tokenOf(fx.ids.cy) });
  await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1);
  // Through a decline to the bottom lines, with Cy still waiting in the lobby.
  for (const type of ['meeting.start', 'turns.begin', 'offer.present']) expect(await f({ type })).toMatchObject({ ok: true });
  expect(await f({ type: 'offer.respond', response: 'declined' })).toMatchObject({ ok: true });
  expect(await f({ type: 'bottomLines.begin' })).toMatchObject({ ok: true });
  await display.waitFor((v) => v.phase === 'bottom-lines');
});
afterAll(() => h.close());

test('issue 12, case 8: a guest arriving during the bottom lines does not learn that the offer was declined', async () => {
  const zed = await h.open({ token: fx.links.remote.token, name: 'Walk-in Zed' });
  expect(fview().revision).toBeGreaterThan(0);
  expect((zed.view as ParticipantView).lobby).toBe('waiting');
  expect(lobbyFields(zed.view)).toEqual(WAITING_ONLY);
});

test('issue 12, case 8: during a pause, a lobby view is as calm as ever, and consistent', async () => {
  expect(await f({ type: 'pause.start', reason: 'outburst' })).toMatchObject({ ok: true });
  await display.waitFor((v) => v.paused);
  const lou = await h.open({ token: fx.links.remote.token, name: 'Late Lou' });
  expect(lobbyFields(lou.view)).toEqual(WAITING_ONLY);
  expect(await f({ type: 'pause.end' })).toMatchObject({ ok: true });
  await display.waitFor((v) => !v.paused);
});

test('issue 12, case 7: nobody waiting in the lobby can be called to speak', async () => {
  const ack = await f({ type: 'turn.call', participantId: fx.ids.cy });
  expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/let in/) } });
  expect(display.view.currentSpeakerId).toBe(fx.ids.ann);
  expect(fview().allowed).toContain('turn.call'); // Bob can still be called
});

test('issue 12, case 7: a speaker sent back to the lobby loses the floor on every screen, and sees only the lobby', async () => {
  expect(await f({ type: 'lobby.admit', participantId: fx.ids.cy })).toMatchObject({ ok: true });
  await cy.waitFor((v) => (v as ParticipantView).you.admitted);
  expect(await f({ type: 'turn.call', participantId: fx.ids.cy })).toMatchObject({ ok: true });
  await display.waitFor((v) => v.currentSpeakerId === fx.ids.cy);

  expect(await f({ type: 'lobby.return', participantId: fx.ids.cy })).toMatchObject({ ok: true });
  const shown = (await display.waitFor((v) => v.revision === fview().revision)) as DisplayView;
  expect(shown.currentSpeakerId).toBeNull();
  expect(shown.turnEndsAt).toBeNull();
  expect(shown.speakingOrder.find((s) => s.participantId === fx.ids.cy)?.status).toBe('waiting');
  const back = (await cy.waitFor((v) => (v as ParticipantView).lobby === 'waiting')) as ParticipantView;
  expect(lobbyFields(back)).toEqual(WAITING_ONLY);
  // The agenda passes over him while he waits: after Ann and Bob, nobody.
  expect(await f({ type: 'turn.next' })).toMatchObject({ ok: true }); // Ann
  expect(await f({ type: 'turn.next' })).toMatchObject({ ok: true }); // Bob
  expect(await f({ type: 'turn.next' })).toMatchObject({ ok: true });
  expect((await display.waitFor((v) => v.revision === fview().revision)).currentSpeakerId).toBeNull();
});

test('issue 12, case 7: someone turned away leaves the speaking order, and cannot be put back', async () => {
  await facilitator.waitFor((v) => (v as FacilitatorView).lobby.some((e) => e.participantId === fx.ids.cy));
  const gone = nextDisconnect(cy);
  expect(await f({ type: 'lobby.deny', participantId: fx.ids.cy })).toMatchObject({ ok: true });
  await gone;
  expect(orderIds(fview())).toEqual([fx.ids.ann, fx.ids.bob]);
  expect(orderIds(await display.waitFor((v) => v.revision === fview().revision))).toEqual([fx.ids.ann, fx.ids.bob]);
  const ack = await f({ type: 'order.set', participantIds: [fx.ids.ann, fx.ids.bob, fx.ids.cy] });
  expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/turned away/) } });
  for (const view of [...facilitator.views, ...display.views, ...cy.views]) expectViewContract(view);
});
