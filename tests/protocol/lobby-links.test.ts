// Issue 12, cases 5 and 6: what a lobby decision and a link change mean for
// the next handshake. Someone turned away is refused DENIED with the link they
// had, until the facilitator reissues it; someone whose link is revoked is let
// in no more, so a reissued link waits in the lobby again; and the meeting's
// log says so, so that replaying it gives the same roster.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { replay } from '../../shared/meeting/agenda.js';
import type { FacilitatorView, MemberView, ParticipantView } from '../../shared/meeting/view.js';
import { codeOf, command, Harness, nextDisconnect, type Client, type Fixture } from './support.js';

const h = new Harness();

beforeAll(() => h.start());
afterAll(() => h.close());

interface Setting {
  fx: Fixture;
  facilitator: Client;
}

async function meeting(): Promise<Setting> {
  const fx = await h.fixture();
  return { fx, facilitator: await h.open({ meetingId: fx.meetingId }, fx.api.cookie) };
}

const fview = (s: Setting) => s.facilitator.view as FacilitatorView;
const memberOf = (s: Setting, participantId: string): MemberView | undefined => fview(s).members.find((m) => m.participantId === participantId);
const waiting = (s: Setting, participantId: string) =>
  s.facilitator.waitFor((v) => (v as FacilitatorView).lobby.some((e) => e.participantId === participantId));
const decide = (s: Setting, type: 'lobby.admit' | 'lobby.deny', participantId: string) =>
  command(s.facilitator, type, { participantId }, fview(s).revision);
const linkOf = (s: Setting, participantId: string) => s.fx.links.participants.find((l) => l.participantId === participantId)!;
const reissue = async (s: Setting, linkId: string) => {
  const res = await s.fx.api.post(`/api/meetings/${s.fx.meetingId}/links/${linkId}/reissue`);
  expect(res.status).toBe(201);
  return res.body as { id: string; token: string };
};

/** The meeting as its stored log replays, against the live one. */
async function expectReplayMatches(s: Setting) {
  const { store } = h.server.threshold.services;
  const record = (await store.meetings.get(s.fx.meetingId))!;
  const events = await store.meetings.listEvents(s.fx.meetingId);
  const live = (await h.server.threshold.services.registry.get(s.fx.meetingId))!;
  expect(replay(record.input, events.map((e) => e.event)).context).toEqual(live.context);
}

describe('issue 12, case 5: someone turned away stays out until their link is reissued', () => {
  test('a planned remote participant, denied, is refused DENIED with the same token; a reissued link waits in the lobby again', async () => {
    const s = await meeting();
    const cyToken = s.fx.tokenOf(s.fx.ids.cy);
    const cy = await h.open({ token: cyToken });
    await waiting(s, s.fx.ids.cy);
    const gone = nextDisconnect(cy);
    expect(codeOf(await decide(s, 'lobby.deny', s.fx.ids.cy))).toBe('OK');
    await gone;

    const again = await h.refused({ token: cyToken });
    expect({ code: again.data?.code, message: again.message }).toEqual({ code: 'DENIED', message: expect.stringMatching(/contact them/) });
    expect(fview(s).lobby).toEqual([]);

    const fresh = await reissue(s, linkOf(s, s.fx.ids.cy).id);
    expect((await h.refused({ token: cyToken })).data?.code).toBe('LINK_INVALID'); // replaced
    const back = await h.open({ token: fresh.token });
    expect(back.view).toMatchObject({ lobby: 'waiting', you: { participantId: s.fx.ids.cy, admitted: false } });
    await waiting(s, s.fx.ids.cy);
    expect(codeOf(await decide(s, 'lobby.admit', s.fx.ids.cy))).toBe('OK');
    await back.waitFor((v) => (v as ParticipantView).you.admitted);
    expect(memberOf(s, s.fx.ids.cy)).toMatchObject({ admitted: true, denied: false });
    await expectReplayMatches(s);
  });

  test('a guest, denied, is refused DENIED with their own token; a reissue of it waits in the lobby again', async () => {
    const s = await meeting();
    const zed = await h.open({ token: s.fx.links.remote.token, name: 'Walk-in Zed' });
    const { token, participantId } = zed.credentials[0]!;
    await waiting(s, participantId);
    expect(codeOf(await decide(s, 'lobby.deny', participantId))).toBe('OK');
    expect((await h.refused({ token })).data?.code).toBe('DENIED');

    const links = (await s.fx.api.get(`/api/meetings/${s.fx.meetingId}`)).body.links as Array<{ id: string; participantId: string }>;
    const fresh = await reissue(s, links.find((l) => l.participantId === participantId)!.id);
    const back = await h.open({ token: fresh.token });
    expect(back.view).toMatchObject({ lobby: 'waiting', you: { participantId, name: 'Walk-in Zed' } });
    await waiting(s, participantId);
    expect((await h.refused({ token })).data?.code).toBe('LINK_INVALID');
  });
});

describe('issue 12, case 6: after a revocation, the lobby again', () => {
  test('an admitted remote participant whose link is revoked and reissued waits in the lobby, and the log says so', async () => {
    const s = await meeting();
    const cy = await h.open({ token: s.fx.tokenOf(s.fx.ids.cy) });
    await waiting(s, s.fx.ids.cy);
    expect(codeOf(await decide(s, 'lobby.admit', s.fx.ids.cy))).toBe('OK');
    await cy.waitFor((v) => (v as ParticipantView).you.admitted);
    const before = fview(s).revision;

    const gone = nextDisconnect(cy);
    expect((await s.fx.api.delete(`/api/meetings/${s.fx.meetingId}/links/${linkOf(s, s.fx.ids.cy).id}`)).status).toBe(204);
    await gone;
    const after = (await s.facilitator.waitFor((v) => v.revision > before)) as FacilitatorView;
    expect(after.members.find((m) => m.participantId === s.fx.ids.cy)).toMatchObject({ admitted: false });
    const events = await h.server.threshold.services.store.meetings.listEvents(s.fx.meetingId);
    expect(events.at(-1)!.event).toMatchObject({ type: 'lobby.return', participantId: s.fx.ids.cy, by: { role: 'facilitator' } });

    const fresh = await reissue(s, linkOf(s, s.fx.ids.cy).id);
    const back = await h.open({ token: fresh.token });
    // Waiting, seeing nothing of the meeting: not straight in, seeing every name.
    expect(back.view).toMatchObject({ lobby: 'waiting', speakingOrder: [], you: { participantId: s.fx.ids.cy, admitted: false } });
    await waiting(s, s.fx.ids.cy);
    expect(codeOf(await decide(s, 'lobby.admit', s.fx.ids.cy))).toBe('OK');
    await back.waitFor((v) => (v as ParticipantView).you.admitted);
    await expectReplayMatches(s);
  });

  test('reissuing an admitted guest’s link, without revoking it first, also sends them back to the lobby; their turn ends', async () => {
    const s = await meeting();
    const may = await h.open({ token: s.fx.links.remote.token, name: 'Aunt May' });
    const mayId = may.credentials[0]!.participantId;
    await waiting(s, mayId);
    expect(codeOf(await decide(s, 'lobby.admit', mayId))).toBe('OK');
    for (const [type, payload] of [
      ['order.set', { participantIds: [mayId, s.fx.ids.ann] }],
      ['meeting.start', {}],
      ['turns.begin', {}],
    ] as const) {
      expect(codeOf(await command(s.facilitator, type, payload, fview(s).revision))).toBe('OK');
    }
    expect(fview(s).currentSpeakerId).toBe(mayId);

    const links = (await s.fx.api.get(`/api/meetings/${s.fx.meetingId}`)).body.links as Array<{ id: string; participantId: string }>;
    const fresh = await reissue(s, links.find((l) => l.participantId === mayId)!.id);
    await s.facilitator.waitFor((v) => v.currentSpeakerId === null);
    expect(memberOf(s, mayId)).toMatchObject({ admitted: false });
    const back = await h.open({ token: fresh.token });
    expect(back.view).toMatchObject({ lobby: 'waiting', you: { participantId: mayId } });
    await expectReplayMatches(s);
  });

  test('an in-room participant’s reissued link (a lost tablet) still opens their view at once', async () => {
    const s = await meeting();
    const fresh = await reissue(s, linkOf(s, s.fx.ids.ann).id);
    const ann = await h.open({ token: fresh.token });
    expect(ann.view).toMatchObject({ lobby: null, you: { participantId: s.fx.ids.ann, admitted: true } });
  });
});
