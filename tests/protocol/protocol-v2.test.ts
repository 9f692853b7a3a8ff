// Protocol v2 over real sockets (issue 14): the agenda once per change to
// everyone let in, each private part only to its person and only when it
// changes, in an order a client can compose; v1 connections in the same
// meeting go on receiving whole views, and the two never differ.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FacilitatorView, MeetingView, ParticipantView } from '../../shared/meeting/view.js';
import { Harness, nextDisconnect, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;
const v2 = (auth: Record<string, unknown>, cookie?: string) => h.open({ ...auth, protocol: 2 }, cookie);
const v1 = (auth: Record<string, unknown>, cookie?: string) => h.open({ ...auth, protocol: 1 }, cookie);
let facilitator: Client;
let ann: Client;
let bob: Client;
let display: Client;
const f = async (payload: Record<string, unknown>) => {
  const ack = await facilitator.send(payload as never);
  expect(ack).toMatchObject({ ok: true });
  return ack.revision;
};
/** Until every client named holds `revision` (their composed view). */
const reach = (revision: number, ...clients: Client[]) => Promise.all(clients.map((c) => c.waitFor((v) => v.revision >= revision)));
/** The events a client received from message `from` on. */
const eventsSince = (client: Client, from: number) => client.messages.slice(from).map((m) => `${m.event}@${m.body.revision}`);
/** A view without the moment it was sent, to compare views made a few milliseconds apart. */
const timeless = ({ serverTime: _t, ...rest }: MeetingView) => rest;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
  facilitator = await v2({ meetingId: fx.meetingId }, fx.api.cookie);
  ann = await v2({ token: fx.tokenOf(fx.ids.ann) });
  bob = await v2({ token: fx.tokenOf(fx.ids.bob) });
  display = await v2({ token: fx.links.display.token });
  await f({ type: 'meeting.start' });
  const revision = await f({ type: 'turns.begin' });
  await reach(revision, ann, bob, display);
});
afterAll(() => h.close());

describe('issue 14: one agenda per change, private parts only when they change', () => {
  test('case 1: a command that changes nobody’s part sends each connection the agenda once, and nothing else', async () => {
    const from = { ann: ann.messages.length, bob: bob.messages.length, display: display.messages.length, facilitator: facilitator.messages.length };
    const revision = await f({ type: 'turn.extend', seconds: 60 });
    await reach(revision, ann, bob, display, facilitator);
    expect(eventsSince(ann, from.ann)).toEqual([`meeting:agenda@${revision}`]);
    expect(eventsSince(bob, from.bob)).toEqual([`meeting:agenda@${revision}`]);
    expect(eventsSince(display, from.display)).toEqual([`meeting:agenda@${revision}`]);
    // The facilitator's part did not change either (the deadline is the agenda's).
    expect(eventsSince(facilitator, from.facilitator)).toEqual([`meeting:agenda@${revision}`]);
    // Ann's part is the one she had: her composed view has the new revision and her letter still.
    expect(ann.view).toMatchObject({ revision, letter: expect.stringContaining('Ann-letter') });

    // A pause changes the facilitator's part (its reason is theirs alone): the part first, then the agenda.
    const fromPause = facilitator.messages.length;
    const paused = await f({ type: 'pause.start', reason: 'needs-a-moment' });
    await reach(paused, facilitator);
    expect(eventsSince(facilitator, fromPause)).toEqual([`meeting:facilitator@${paused}`, `meeting:agenda@${paused}`]);
    expect(facilitator.view).toMatchObject({ pause: { reason: 'needs-a-moment' } });
    await reach(await f({ type: 'pause.end' }), ann, bob, display, facilitator);
  });

  test('case 2: a turn that makes Bob the speaker sends him his part, with Done allowed, just before the agenda', async () => {
    const from = bob.messages.length;
    expect((bob.view as ParticipantView).allowed).not.toContain('turn.done');
    const revision = await f({ type: 'turn.call', participantId: fx.ids.bob });
    await reach(revision, bob);
    expect(eventsSince(bob, from)).toEqual([`meeting:you@${revision}`, `meeting:agenda@${revision}`]);
    expect((bob.view as ParticipantView).allowed).toContain('turn.done');
    expect(bob.view.currentSpeakerId).toBe(fx.ids.bob);
  });

  test('case 3: the same person on v1 and v2 sees the same view, and each version only its own messages', async () => {
    const annV1 = await v1({ token: fx.tokenOf(fx.ids.ann) });
    const facilitatorV1 = await v1({ meetingId: fx.meetingId }, fx.api.cookie);
    const displayV1 = await v1({ token: fx.links.display.token });
    let wholeViewsOnV2 = 0;
    for (const c of [ann, bob, display, facilitator]) c.socket.on('meeting:state', () => wholeViewsOnV2++);
    let revision = await f({ type: 'pause.start', reason: 'outburst' });
    revision = await f({ type: 'pause.end' });
    revision = await f({ type: 'turn.next' });
    await reach(revision, ann, annV1, display, displayV1, facilitator, facilitatorV1);
    await facilitator.waitFor((v) => (v as FacilitatorView).members.filter((m) => m.presence === 'connected').length === 2);
    await facilitatorV1.waitFor((v) => (v as FacilitatorView).members.filter((m) => m.presence === 'connected').length === 2);
    expect(timeless(ann.view)).toEqual(timeless(annV1.view));
    expect(timeless(display.view)).toEqual(timeless(displayV1.view));
    expect(timeless(facilitator.view)).toEqual(timeless(facilitatorV1.view));
    expect(wholeViewsOnV2).toBe(0);
    for (const c of [annV1, facilitatorV1, displayV1]) expect(c.messages).toEqual([]);
    for (const c of [annV1, facilitatorV1, displayV1]) c.close();
  });

  test('case 4: someone in the lobby gets only their part, once, until let in; then their part and the agenda', async () => {
    const cy = await v2({ token: fx.tokenOf(fx.ids.cy) });
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1);
    await f({ type: 'turn.extend', seconds: 30 });
    await f({ type: 'lobby.lock' });
    await f({ type: 'lobby.unlock' });
    expect(cy.messages.map((m) => m.event)).toEqual(['meeting:you']);
    expect(cy.view).toMatchObject({ lobby: 'waiting', revision: 0, phase: 'gathering', speakingOrder: [] });
    const revision = await f({ type: 'lobby.admit', participantId: fx.ids.cy });
    await reach(revision, cy);
    expect(eventsSince(cy, 1)).toEqual([`meeting:you@${revision}`, `meeting:agenda@${revision}`]);
    expect(cy.view).toMatchObject({ lobby: null, phase: 'speaking', letter: expect.stringContaining('Cy-letter') });

    // Sent back: his lobby part, and no agenda of that change or any after it (he has left the agenda room).
    const from = cy.messages.length;
    await f({ type: 'lobby.return', participantId: fx.ids.cy });
    const later = await f({ type: 'turn.extend', seconds: 30 });
    await reach(later, ann);
    expect(cy.messages.slice(from).map((m) => [m.event, m.body.lobby, m.body.revision])).toEqual([['meeting:you', 'waiting', 0]]);
    expect(cy.view).toMatchObject({ lobby: 'waiting', revision: 0, phase: 'gathering', speakingOrder: [], letter: null });
  });

  test('case 5: a joiner turned away gets a last part saying so, then is let go', async () => {
    const zed = await v2({ token: fx.links.remote.token, name: 'Zed' });
    const zedId = (zed.view as ParticipantView).you.participantId;
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.some((l) => l.participantId === zedId));
    const gone = nextDisconnect(zed);
    await f({ type: 'lobby.deny', participantId: zedId });
    await gone;
    expect(zed.messages.map((m) => [m.event, m.body.lobby])).toEqual([
      ['meeting:you', 'waiting'],
      ['meeting:you', 'denied'],
    ]);
  });

  test('case 6: a reconnect gets the full set again, whatever was sent before', async () => {
    const from = bob.messages.length;
    bob.socket.disconnect();
    bob.socket.connect();
    await bob.waitFor(() => bob.messages.length >= from + 2);
    expect(eventsSince(bob, from)).toEqual([`meeting:you@${facilitator.view.revision}`, `meeting:agenda@${facilitator.view.revision}`]);
    expect(bob.view).toMatchObject({ revision: facilitator.view.revision, letter: expect.stringContaining('Bob-letter') });
  });
});
