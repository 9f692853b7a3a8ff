// The lobby and presence: remote people wait until the facilitator has seen
// them; admitted stays admitted (reconnects and restarts included); a guest
// from the shared remote link gets a credential of their own; a denied guest is
// let go for good; the facilitator sees who is waiting and who is here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FacilitatorView, MemberView, ParticipantView } from '../../shared/meeting/view.js';
import { codeOf, command, expectViewContract, Harness, nextDisconnect, type Client, type Fixture } from './support.js';

const h = new Harness();
const dataDir = mkdtempSync(join(tmpdir(), 'threshold-lobby-'));
let fx: Fixture;
let facilitator: Client;

beforeAll(async () => {
  await h.start({}, dataDir);
  fx = await h.fixture();
  facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
});
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const fview = () => facilitator.view as FacilitatorView;
const memberOf = (participantId: string, view: FacilitatorView = fview()): MemberView | undefined =>
  view.members.find((m) => m.participantId === participantId);
const presenceOf = (participantId: string) => (v: unknown) => memberOf(participantId, v as FacilitatorView)?.presence;
const you = (client: Client) => (client.view as ParticipantView).you;
const admit = (participantId: string) => command(facilitator, 'lobby.admit', { participantId }, facilitator.view.revision);
const deny = (participantId: string) => command(facilitator, 'lobby.deny', { participantId }, facilitator.view.revision);

describe('presence', () => {
  test('the facilitator sees each member as never-joined, connected or away, without the revision moving', async () => {
    const start = fview();
    expect(start.members.map((m) => [m.name, m.presence])).toEqual([
      ['Ann', 'never-joined'],
      ['Bob', 'never-joined'],
      ['Cy', 'never-joined'],
    ]);
    const bob = await h.open({ token: fx.tokenOf(fx.ids.bob) });
    await facilitator.waitFor((v) => presenceOf(fx.ids.bob)(v) === 'connected');
    // A second tablet for Bob, closed again: he is still here.
    const views = facilitator.views.length;
    const bob2 = await h.open({ token: fx.tokenOf(fx.ids.bob) });
    bob2.close();
    await facilitator.waitFor(() => facilitator.views.length >= views + 2); // one view for arriving, one for leaving
    expect(memberOf(fx.ids.bob)?.presence).toBe('connected');
    bob.close();
    await facilitator.waitFor((v) => presenceOf(fx.ids.bob)(v) === 'away');
    expect(memberOf(fx.ids.ann)?.presence).toBe('never-joined');
    expect(fview().revision).toBe(start.revision);

    const display = await h.open({ token: fx.links.display.token });
    await facilitator.waitFor((v) => (v as FacilitatorView).displaysConnected === 1);
    display.close();
    await facilitator.waitFor((v) => (v as FacilitatorView).displaysConnected === 0);
  });
});

describe('a planned remote participant', () => {
  let cy: Client;

  test('their personal link puts them in the lobby, listed for the facilitator', async () => {
    cy = await h.open({ token: fx.tokenOf(fx.ids.cy) });
    expect(cy.view).toMatchObject({ role: 'participant', lobby: 'waiting', you: { participantId: fx.ids.cy, name: 'Cy', admitted: false } });
    const listed = (await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1)) as FacilitatorView;
    expect(listed.lobby).toEqual([{ participantId: fx.ids.cy, name: 'Cy', attendance: 'remote' }]);
    expect(memberOf(fx.ids.cy, listed)).toMatchObject({ admitted: false, presence: 'connected' });
  });

  test('admit requires the person to be waiting right now', async () => {
    expect(codeOf(await admit(fx.ids.ann))).toBe('NOT_ALLOWED'); // in the room: never in the lobby
    expect(codeOf(await deny(fx.ids.bob))).toBe('NOT_ALLOWED');
    expect(codeOf(await admit('someone-who-never-came'))).toBe('NOT_ALLOWED');
    // Cy steps out of the lobby: there is nobody to admit.
    cy.close();
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 0);
    const ack = await admit(fx.ids.cy);
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/not waiting/) } });
    expect(memberOf(fx.ids.cy)).toMatchObject({ admitted: false, presence: 'away' });
  });

  test('once admitted they stay admitted across reconnects', async () => {
    cy = await h.open({ token: fx.tokenOf(fx.ids.cy) });
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1);
    expect(await admit(fx.ids.cy)).toMatchObject({ ok: true });
    const admitted = (await cy.waitFor((v) => (v as ParticipantView).you.admitted)) as ParticipantView;
    expect(admitted.lobby).toBeNull();
    expect(admitted.speakingOrder.map((s) => s.name)).toEqual(['Ann', 'Bob', 'Cy']);
    expect(fview().lobby).toEqual([]);
    expect(codeOf(await admit(fx.ids.cy))).toBe('NOT_ALLOWED'); // already in

    cy.close();
    await facilitator.waitFor((v) => presenceOf(fx.ids.cy)(v) === 'away');
    cy = await h.open({ token: fx.tokenOf(fx.ids.cy) });
    expect(cy.views[0]).toMatchObject({ lobby: null, you: { admitted: true } });
    await facilitator.waitFor((v) => presenceOf(fx.ids.cy)(v) === 'connected');
    expect(fview().lobby).toEqual([]);
  });
});

let mayId: string;
let mayToken: string;
let zedToken: string;

describe('the shared remote link', () => {
  let may: Client;

  test('whoever opens it with a name becomes a guest with a personal credential, waiting in the lobby', async () => {
    const before = fview().revision;
    may = await h.open({ token: fx.links.remote.token, name: 'Aunt May' });
    expect(may.credentials).toHaveLength(1);
    ({ participantId: mayId, token: mayToken } = may.credentials[0]!);
    expect(mayToken).not.toBe(fx.links.remote.token);
    expect(mayToken.length).toBeGreaterThanOrEqual(20);
    expect(may.view).toMatchObject({ lobby: 'waiting', you: { participantId: mayId, name: 'Aunt May', admitted: false } });
    const listed = (await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1)) as FacilitatorView;
    expect(listed.lobby).toEqual([{ participantId: mayId, name: 'Aunt May', attendance: 'guest' }]);
    // Entering the lobby is presence, not a command.
    expect(listed.revision).toBe(before);
  });

  test('leaving the lobby removes her from it; her own token brings her back as the same person', async () => {
    may.close();
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 0);
    may = await h.open({ token: mayToken });
    expect(may.credentials).toEqual([]);
    expect(you(may)).toMatchObject({ participantId: mayId, name: 'Aunt May', admitted: false });
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.some((e) => e.participantId === mayId));
  });

  test('once admitted she is a participant without a turn, and stays admitted when she comes back', async () => {
    expect(await admit(mayId)).toMatchObject({ ok: true });
    await may.waitFor((v) => (v as ParticipantView).you.admitted);
    expect(memberOf(mayId)).toMatchObject({ name: 'Aunt May', attendance: 'guest', admitted: true, presence: 'connected' });
    expect(fview().speakingOrder.map((s) => s.participantId)).not.toContain(mayId);
    expect(codeOf(await command(may, 'participant.ready', {}, null))).toBe('OK');

    may.close();
    await facilitator.waitFor((v) => presenceOf(mayId)(v) === 'away');
    may = await h.open({ token: mayToken });
    expect(may.views[0]).toMatchObject({ lobby: null, you: { participantId: mayId, admitted: true, ready: true } });
  });

  test('the facilitator can give her a turn with order.set', async () => {
    const order = [fx.ids.ann, mayId, fx.ids.bob, fx.ids.cy];
    expect(await command(facilitator, 'order.set', { participantIds: order }, fview().revision)).toMatchObject({ ok: true });
    const seen = await may.waitFor((v) => v.speakingOrder.length === 4);
    expect(seen.speakingOrder.map((s) => s.name)).toEqual(['Ann', 'Aunt May', 'Bob', 'Cy']);
  });

  test('deny sends a final "denied" view, disconnects the guest, and her token is refused afterwards', async () => {
    const zed = await h.open({ token: fx.links.remote.token, name: 'Walk-in Zed' });
    const zedId = zed.credentials[0]!.participantId;
    zedToken = zed.credentials[0]!.token;
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.some((e) => e.participantId === zedId));
    const gone = nextDisconnect(zed);
    expect(await deny(zedId)).toMatchObject({ ok: true });
    expect(await gone).toBe('io server disconnect');
    expect(zed.view).toMatchObject({ lobby: 'denied', you: { participantId: zedId, admitted: false }, speakingOrder: [] });

    const again = await h.refused({ token: zedToken });
    // DENIED, not LINK_INVALID, since issue 12, case 5: a refused person is told so until their link is reissued.
    expect(again.data?.code).toBe('DENIED');
    const after = await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 0);
    expect(memberOf(zedId, after as FacilitatorView)).toMatchObject({ denied: true, admitted: false });
    // Nor can a refused person be put in the speaking order.
    expect(codeOf(await command(facilitator, 'order.set', { participantIds: [fx.ids.ann, zedId] }, fview().revision))).toBe('NOT_ALLOWED');
  });

  test('revoking the shared link turns away guests still waiting; admitted guests keep their own link', async () => {
    const wes = await h.open({ token: fx.links.remote.token, name: 'Cousin Wes' });
    const wesToken = wes.credentials[0]!.token;
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1);
    const gone = nextDisconnect(wes);
    expect((await fx.api.delete(`/api/meetings/${fx.meetingId}/links/${fx.links.remote.id}`)).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect((await h.refused({ token: wesToken })).data?.code).toBe('LINK_INVALID');
    expect((await h.refused({ token: fx.links.remote.token, name: 'Someone New' })).data?.code).toBe('LINK_INVALID');
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 0);
    expect(may.socket.connected).toBe(true);
    const mayAgain = await h.open({ token: mayToken });
    expect(you(mayAgain)).toMatchObject({ participantId: mayId, admitted: true });
  });
});

describe('after a server restart', () => {
  test('admitted people come straight back in, refused ones stay out, and the facilitator keeps the session', async () => {
    const revision = fview().revision;
    h.closeClients();
    await h.server.close();
    await h.start({}, dataDir);

    const back = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
    expect(back.view).toMatchObject({ revision, phase: 'gathering', lobby: [] });
    const cy = await h.open({ token: fx.tokenOf(fx.ids.cy) });
    expect(cy.views[0]).toMatchObject({ lobby: null, you: { participantId: fx.ids.cy, admitted: true } });
    const listed = (await back.waitFor((v) => presenceOf(fx.ids.cy)(v) === 'connected')) as FacilitatorView;
    expect(listed.lobby).toEqual([]);
    expect(listed.speakingOrder.map((s) => s.name)).toEqual(['Ann', 'Aunt May', 'Bob', 'Cy']);
    // The guest's own credential outlives the shared link it came from, and the restart.
    const may = await h.open({ token: mayToken });
    expect(may.views[0]).toMatchObject({ lobby: null, you: { participantId: mayId, name: 'Aunt May', admitted: true } });
    expect((await h.refused({ token: fx.links.remote.token, name: 'Someone New' })).data?.code).toBe('LINK_INVALID');
    expect((await h.refused({ token: zedToken })).data?.code).toBe('DENIED'); // since issue 12, case 5
    for (const view of [...back.views, ...cy.views, ...may.views]) expectViewContract(view);
  });
});
