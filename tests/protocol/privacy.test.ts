// The per-role projection, checked on the JSON each connection actually
// received over a whole meeting: own letter, own bottom line only while bottom
// lines are read, nobody else's words, and nothing of the facilitator's
// (signals, notes, pause reasons, lobby, presence) on a tablet or the TV.
// The whole suite runs twice: protocol v1 (whole views) and v2 (issue 14: the
// parts, checked both as received and as the client composes them).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ProtocolVersion } from '../../shared/vocabulary.js';
import type { FacilitatorView, MeetingView, ParticipantView } from '../../shared/meeting/view.js';
import { PRIVATE } from '../helpers/server.js';
import { expectViewContract, Harness, type Client, type Fixture } from './support.js';

const SECRET = {
  offerNote: 'OFFER-NOTE: wants outpatient first',
  outcomeNote: 'OUTCOME-NOTE: decides after talking to his doctor',
  walkIn: 'Walk-in Zed',
};
const PAUSE_REASONS_USED = ['outburst', 'left-room'];
const SIGNAL_KINDS_USED = ['need-a-moment', 'want-to-speak'];
// `rehearsal`: issue 10, section 4 marks every screen of a rehearsal, so the public agenda says whether it is one.
const PUBLIC_KEYS = ['approach', 'currentSpeakerId', 'meetingId', 'outcome', 'paused', 'phase', 'rehearsal', 'revision', 'round', 'serverTime', 'speakingOrder', 'turnEndsAt'];
// `answering` and `walkOutFollow` joined with issue 9, section 6 (tests/protocol/objections.test.ts holds their privacy).
const PARTICIPANT_KEYS = [...PUBLIC_KEYS, 'allowed', 'answering', 'bottomLine', 'letter', 'lobby', 'role', 'walkOutFollow', 'you'].sort();
const DISPLAY_KEYS = [...PUBLIC_KEYS, 'role'].sort();

/** Every key at any depth of a view. */
function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysDeep(item, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysDeep(v, into);
    }
  }
  return into;
}

describe.each([1, 2] as ProtocolVersion[])('protocol v%i', (protocol) => {
  const h = new Harness();
  let fx: Fixture;
  const c = {} as Record<'facilitator' | 'ann' | 'bob' | 'cy' | 'display' | 'may' | 'zed', Client>;
  /**
   * What a client received, as JSON: v1's views; v2's parts as they came (issue 14: the privacy
   * holds for each message on the wire, not only for the view a client composes) and the composed views.
   */
  const json = (client: Client) => [
    ...client.views.map((v) => JSON.stringify(v)),
    ...client.messages.map((m) => JSON.stringify(m.body)),
  ];

  beforeAll(async () => {
    await h.start();
    fx = await h.fixture({ approach: 'johnson' });
    const open = (auth: Record<string, unknown>, cookie?: string) => h.open(protocol === 2 ? { ...auth, protocol } : auth, cookie);
    c.facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
    c.ann = await open({ token: fx.tokenOf(fx.ids.ann) });
    c.bob = await open({ token: fx.tokenOf(fx.ids.bob) });
    c.display = await open({ token: fx.links.display.token });
    c.cy = await open({ token: fx.tokenOf(fx.ids.cy) });
    c.may = await open({ token: fx.links.remote.token, name: 'Aunt May' });
    c.zed = await open({ token: fx.links.remote.token, name: SECRET.walkIn });
    await c.facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 3);

    const f = (payload: Record<string, unknown>) => c.facilitator.send(payload as never).then((ack) => expect(ack).toMatchObject({ ok: true }));
    const mayId = (c.may.view as ParticipantView).you.participantId;
    await f({ type: 'lobby.admit', participantId: fx.ids.cy });
    await f({ type: 'lobby.admit', participantId: mayId });
    await c.may.waitFor((v) => (v as ParticipantView).you.admitted);
    await c.cy.waitFor((v) => (v as ParticipantView).you.admitted);

    expect(await c.ann.send({ type: 'signal.send', kind: 'need-a-moment' }, null, 'sig-ann-1')).toMatchObject({ ok: true });
    expect(await c.bob.send({ type: 'signal.send', kind: 'want-to-speak' }, null, 'sig-bob-1')).toMatchObject({ ok: true });
    expect(await c.may.send({ type: 'signal.send', kind: 'need-a-moment' }, null, 'sig-may-1')).toMatchObject({ ok: true });
    await c.facilitator.waitFor((v) => (v as FacilitatorView).signals.length === 3);

    await f({ type: 'meeting.start' });
    await f({ type: 'turns.begin' });
    await f({ type: 'pause.start', reason: 'outburst' });
    await f({ type: 'pause.end' });
    await f({ type: 'turn.next' });
    await f({ type: 'turn.next' });
    await c.cy.waitFor((v) => v.currentSpeakerId === fx.ids.cy);
    expect(await c.cy.send({ type: 'turn.done' })).toMatchObject({ ok: true });
    await f({ type: 'offer.present' });
    await f({ type: 'offer.respond', response: 'declined', note: SECRET.offerNote });
    await f({ type: 'bottomLines.begin' });
    await c.ann.waitFor((v) => v.phase === 'bottom-lines');
    await f({ type: 'pause.start', reason: 'left-room' });
    await f({ type: 'pause.end' });
    // Ann, then Bob: Cy has no bottom line, so he is not in that round (issue 13, item 11).
    await f({ type: 'turn.next' });
    await f({ type: 'turn.next' });
    await f({ type: 'offer.present' });
    await f({ type: 'offer.respond', response: 'conditional', note: SECRET.offerNote });
    await f({ type: 'meeting.end', outcome: 'deferred', note: SECRET.outcomeNote, decideBy: '2099-12-24' });
    await f({ type: 'meeting.close' });
    const last = c.facilitator.view.revision;
    const { zed: _waiting, ...admitted } = c;
    // Zed, never admitted, gets no view after his first (issue 12, case 8): the ones below came with the last command's.
    for (const client of Object.values(admitted)) await client.waitFor((v) => v.revision === last && v.phase === 'closed');
  });
  afterAll(() => h.close());

  test('the facilitator did receive every secret, so their absence elsewhere means something', () => {
    const all = json(c.facilitator).join('\n');
    for (const secret of [SECRET.offerNote, SECRET.outcomeNote, SECRET.walkIn, ...PAUSE_REASONS_USED, ...SIGNAL_KINDS_USED, 'sig-ann-1']) {
      expect(all).toContain(secret);
    }
    const withSignals = c.facilitator.views.find((v) => (v as FacilitatorView).signals.length === 3) as FacilitatorView;
    expect(withSignals.signals.map((s) => [s.name, s.kind])).toEqual([
      ['Ann', 'need-a-moment'],
      ['Bob', 'want-to-speak'],
      ['Aunt May', 'need-a-moment'],
    ]);
    expect(c.facilitator.views.some((v) => (v as FacilitatorView).members.some((m) => m.presence === 'connected'))).toBe(true);
  });

  describe('participants', () => {
    const people = [
      { key: 'ann', letter: PRIVATE.annLetter, bottomLine: PRIVATE.annBottomLine },
      { key: 'bob', letter: PRIVATE.bobLetter, bottomLine: PRIVATE.bobBottomLine },
      { key: 'cy', letter: PRIVATE.cyLetter, bottomLine: null },
      { key: 'may', letter: null, bottomLine: null },
    ] as const;
    const everyPrivateText = [PRIVATE.annLetter, PRIVATE.annBottomLine, PRIVATE.bobLetter, PRIVATE.bobBottomLine, PRIVATE.cyLetter];

    test.each(people)('$key sees their own letter, and their own bottom line only during bottom-lines', ({ key, letter, bottomLine }) => {
      const admitted = c[key].views.filter((v) => (v as ParticipantView).you.admitted) as ParticipantView[];
      expect(admitted.length).toBeGreaterThan(10);
      for (const view of admitted) {
        expect(view.letter).toBe(letter);
        expect({ phase: view.phase, bottomLine: view.bottomLine }).toEqual({
          phase: view.phase,
          bottomLine: view.phase === 'bottom-lines' ? bottomLine : null,
        });
      }
      expect(admitted.some((v) => v.phase === 'bottom-lines')).toBe(true);
      expect(admitted.some((v) => v.phase === 'paused' && v.round === 'bottom-lines')).toBe(true);
    });

    test.each(people)('$key never receives anyone else’s letter or bottom line', ({ key, letter, bottomLine }) => {
      const others = everyPrivateText.filter((t) => t !== letter && t !== bottomLine);
      for (const text of json(c[key])) for (const other of others) expect(text).not.toContain(other);
    });

    test.each(people)('$key never receives signals, notes, pause reasons, the lobby or presence', ({ key }) => {
      for (const view of c[key].views) {
        // Issue 13, item 18: a lobby view also says whose meeting it is and who lets people in (first names).
        const lobbyOnly = (view as ParticipantView).lobby !== null ? ['lobbyWelcome'] : [];
        expect(Object.keys(view).sort()).toEqual([...PARTICIPANT_KEYS, ...lobbyOnly].sort());
        const keys = keysDeep(view);
        for (const forbidden of ['signals', 'members', 'presence', 'pause', 'pauses', 'reason', 'note', 'responses', 'outcomeDetail', 'signalId']) {
          expect(keys.has(forbidden)).toBe(false);
        }
        const text = JSON.stringify(view);
        for (const secret of [SECRET.offerNote, SECRET.outcomeNote, SECRET.walkIn, ...PAUSE_REASONS_USED, ...SIGNAL_KINDS_USED, 'sig-']) {
          expect(text).not.toContain(secret);
        }
        expect(typeof (view as ParticipantView).lobby === 'string' || (view as ParticipantView).lobby === null).toBe(true);
      }
      // v2: each message as received; the agenda holds the public fields only, their part is theirs.
      for (const { event, body } of c[key].messages) {
        expect(['meeting:agenda', 'meeting:you']).toContain(event);
        if (event === 'meeting:agenda') expect(Object.keys(body).sort()).toEqual([...PUBLIC_KEYS].sort());
        else expect((body.you as { participantId: string }).participantId).toBe((c[key].view as ParticipantView).you.participantId);
        const keys = keysDeep(body);
        for (const forbidden of ['signals', 'members', 'presence', 'pause', 'pauses', 'reason', 'note', 'responses', 'outcomeDetail', 'signalId']) {
          expect(keys.has(forbidden)).toBe(false);
        }
        const text = JSON.stringify(body);
        for (const secret of [SECRET.offerNote, SECRET.outcomeNote, SECRET.walkIn, ...PAUSE_REASONS_USED, ...SIGNAL_KINDS_USED, 'sig-']) {
          expect(text).not.toContain(secret);
        }
      }
      expect(c[key].messages.length > 0).toBe(protocol === 2);
      // They do see that the meeting is paused, just not why.
      expect(c[key].views.some((v) => v.phase === 'paused' && v.paused)).toBe(true);
    });

    test('a planned remote participant sees neither names nor their letter until admitted', () => {
      const waiting = c.cy.views.filter((v) => !(v as ParticipantView).you.admitted) as ParticipantView[];
      expect(waiting.length).toBeGreaterThan(0);
      for (const { lobbyWelcome, ...view } of waiting) {
        // Issue 13, item 18 changed this: the loved one's and the facilitator's first names, and only there.
        expect(lobbyWelcome).toEqual({ lovedOne: 'Sam', facilitator: 'Dana' });
        expect(view.lobby).toBe('waiting');
        expect(view.letter).toBeNull();
        expect(view.speakingOrder).toEqual([]);
        expect(view.allowed).toEqual([]);
        const text = JSON.stringify(view);
        for (const name of ['Ann', 'Bob', 'Sam', 'Dana', 'Aunt May', SECRET.walkIn]) expect(text).not.toContain(name);
      }
    });
  });

  describe('a joiner who is never admitted', () => {
    test('sees only their own name: no speaking order, no speaker, no deadline, no outcome', () => {
      const views = c.zed.views as ParticipantView[];
      // v2: the one message was his own part; no agenda reached him.
      expect(c.zed.messages.map((m) => m.event)).toEqual(protocol === 2 ? ['meeting:you'] : []);
      for (const text of json(c.zed)) for (const secret of [...Object.values(PRIVATE), SECRET.offerNote, fx.ids.ann, 'Ann']) expect(text).not.toContain(secret);
      // Issue 12, case 8: he waited through every phase (the facilitator's views show them all), yet no
      // view of his says which one, nor the revision: the phase stays `gathering` and the revision 0.
      // Nor does how often a view reaches him: he got one, when he arrived, and none with each command.
      expect(views).toHaveLength(1);
      expect(new Set(c.facilitator.views.map((v) => v.phase))).toEqual(new Set(['gathering', 'opening', 'speaking', 'paused', 'offer', 'bottom-lines', 'outcome', 'closed']));
      for (const { lobbyWelcome, ...view } of views) {
        // Issue 13, item 18 changed this: whose meeting and who lets people in, by first name, and nothing more.
        expect(lobbyWelcome).toEqual({ lovedOne: 'Sam', facilitator: 'Dana' });
        expect(view).toMatchObject({ lobby: 'waiting', speakingOrder: [], currentSpeakerId: null, turnEndsAt: null, outcome: null, letter: null, bottomLine: null, allowed: [] });
        expect(view).toMatchObject({ phase: 'gathering', paused: false, round: 'letters', revision: 0 });
        expect(view.you).toMatchObject({ name: SECRET.walkIn, admitted: false });
        const text = JSON.stringify(view);
        for (const name of ['Ann', 'Bob', 'Cy', 'Sam', 'Dana', 'Aunt May', fx.ids.ann, fx.ids.bob, fx.ids.cy]) expect(text).not.toContain(name);
        for (const secret of [...Object.values(PRIVATE), SECRET.offerNote, SECRET.outcomeNote, ...PAUSE_REASONS_USED, ...SIGNAL_KINDS_USED]) {
          expect(text).not.toContain(secret);
        }
      }
    });
  });

  describe('the room display', () => {
    test('holds the public agenda only', () => {
      expect(c.display.views.length).toBeGreaterThan(10);
      // v2: the agenda, exactly as received, and nothing else.
      for (const { event, body } of c.display.messages) {
        expect(event).toBe('meeting:agenda');
        expect(Object.keys(body).sort()).toEqual([...PUBLIC_KEYS].sort());
      }
      for (const text of json(c.display)) {
        for (const secret of [...Object.values(PRIVATE), SECRET.offerNote, SECRET.outcomeNote, SECRET.walkIn, 'Aunt May', ...PAUSE_REASONS_USED, ...SIGNAL_KINDS_USED, 'sig-']) {
          expect(text).not.toContain(secret);
        }
      }
      for (const view of c.display.views) {
        expect(Object.keys(view).sort()).toEqual(DISPLAY_KEYS);
        const text = JSON.stringify(view);
        for (const secret of [...Object.values(PRIVATE), SECRET.offerNote, SECRET.outcomeNote, SECRET.walkIn, 'Aunt May', ...PAUSE_REASONS_USED, ...SIGNAL_KINDS_USED, 'sig-']) {
          expect(text).not.toContain(secret);
        }
      }
      // The public agenda is all there: names in order, the speaker, the outcome's name.
      expect(c.display.views.some((v) => v.currentSpeakerId === fx.ids.bob && v.turnEndsAt !== null)).toBe(true);
      expect(c.display.views.some((v) => v.speakingOrder.map((s) => s.name).join() === 'Ann,Bob,Cy')).toBe(true);
      // The last order is the bottom lines': Cy, who has none, is not in it (issue 13, item 11).
      expect(c.display.view.speakingOrder.map((s) => s.name)).toEqual(['Ann', 'Bob']);
      expect(c.display.view.outcome).toBe('deferred');
    });
  });

  test('every view any role received carries the fields protocol v1 promises', () => {
    let count = 0;
    for (const client of Object.values(c)) {
      for (const view of client.views) {
        expectViewContract(view);
        expect(view.meetingId).toBe(fx.meetingId);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(100);
    // The outcome is null until the meeting ends, then its name.
    const fac = c.facilitator.views;
    expect(fac.filter((v) => v.phase !== 'outcome' && v.phase !== 'closed').every((v) => v.outcome === null)).toBe(true);
    expect(fac.filter((v) => v.phase === 'outcome').every((v) => v.outcome === 'deferred')).toBe(true);
  });
});
