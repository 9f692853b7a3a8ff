// The authorization matrix: every command type from every role. FORBIDDEN
// depends only on who sends, and is decided before the revision (STALE) and
// the phase (NOT_ALLOWED) are looked at.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { COMMAND_TYPES, type CommandType } from '../../shared/protocol.js';
import { codeOf, command, Harness, payloads, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;
let facilitator: Client;
let ann: Client;
let bob: Client;
let cy: Client;
let display: Client;
let waitingGuest: Client;
let admittedGuest: Client;

const rev = () => facilitator.view.revision;
const idOf = (c: Client) => (c.view as ParticipantView).you.participantId;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
  facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
  bob = await h.open({ token: fx.tokenOf(fx.ids.bob) });
  cy = await h.open({ token: fx.tokenOf(fx.ids.cy) });
  display = await h.open({ token: fx.links.display.token });
  waitingGuest = await h.open({ token: fx.links.remote.token, name: 'Walk-in Wes' });
  admittedGuest = await h.open({ token: fx.links.remote.token, name: 'Aunt May' });
  await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 3);
  expect(await facilitator.send({ type: 'lobby.admit', participantId: idOf(admittedGuest) })).toMatchObject({ ok: true });
  await admittedGuest.waitFor((v) => (v as ParticipantView).you.admitted);
});
afterAll(() => h.close());

test('issue 9, section 6: the objection commands are in every row of the matrix (the facilitator’s alone)', () => {
  // Each row below sends every command type; these two reach the facilitator's row as STALE (a revision
  // that is certainly stale) and every other sender's as FORBIDDEN. Their phase rules and a current
  // revision are in tests/protocol/objections.test.ts.
  expect(COMMAND_TYPES).toEqual(expect.arrayContaining(['objection.raise', 'objection.resolve']));
});

function everything(code: string): Record<CommandType, string> {
  return Object.fromEntries(COMMAND_TYPES.map((t) => [t, code])) as Record<CommandType, string>;
}

/** What each command gets from `client` when sent with a revision that is certainly stale. */
async function matrixRow(client: Client): Promise<Record<CommandType, string>> {
  const row = {} as Record<CommandType, string>;
  const all = payloads(fx.ids);
  // Someone in the lobby is answered with their view's revision, 0 (issue 12, case 8).
  const inLobby = client.view.role === 'participant' && (client.view as ParticipantView).lobby !== null;
  for (const type of COMMAND_TYPES) {
    const before = rev();
    const ack = await command(client, type, all[type], before + 1000);
    row[type] = codeOf(ack);
    // Every ack carries the revision as it now stands.
    const now = before + (ack.ok ? 1 : 0);
    await facilitator.waitFor((v) => v.revision === now);
    expect(ack.revision).toBe(inLobby ? 0 : now);
  }
  return row;
}

describe('in gathering', () => {
  test('who may speak is decided before the phase: refusals are FORBIDDEN even where the phase would allow', async () => {
    const start = rev();
    // The phase allows each of these; the sender may not.
    expect(codeOf(await command(facilitator, 'participant.ready', {}, null))).toBe('FORBIDDEN');
    expect(codeOf(await command(display, 'meeting.start', {}, start))).toBe('FORBIDDEN');
    expect(codeOf(await command(display, 'pause.start', { reason: 'other' }, start))).toBe('FORBIDDEN');
    expect(codeOf(await command(ann, 'meeting.start', {}, start))).toBe('FORBIDDEN');
    expect(codeOf(await command(cy, 'participant.ready', {}, null))).toBe('FORBIDDEN');
    expect(codeOf(await command(waitingGuest, 'participant.ready', {}, null))).toBe('FORBIDDEN');
    // The phase forbids these; the sender may not either, and that is what they hear.
    expect(codeOf(await command(bob, 'turn.done', {}, start))).toBe('FORBIDDEN');
    expect(codeOf(await command(display, 'turns.begin', {}, start))).toBe('FORBIDDEN');
    expect(rev()).toBe(start);

    // In-room participants and an admitted guest may mark themselves ready.
    expect(await command(ann, 'participant.ready', {}, null)).toEqual({ ok: true, revision: start + 1 });
    expect(await command(admittedGuest, 'participant.ready', {}, null)).toEqual({ ok: true, revision: start + 2 });
    const members = ((await facilitator.waitFor((v) => v.revision === start + 2)) as FacilitatorView).members;
    expect(members.filter((m) => m.ready).map((m) => m.name).sort()).toEqual(['Ann', 'Aunt May']);
  });
});

describe('during the letters round, Ann speaking', () => {
  beforeAll(async () => {
    expect(await facilitator.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
    expect(await facilitator.send({ type: 'turns.begin' })).toMatchObject({ ok: true });
    await ann.waitFor((v) => v.currentSpeakerId === fx.ids.ann);
  });

  test('the facilitator may send everything but participant.ready and signal.send', async () => {
    expect(await matrixRow(facilitator)).toEqual({
      ...everything('STALE'),
      'participant.ready': 'FORBIDDEN',
      'signal.send': 'FORBIDDEN',
      'signal.withdraw': 'FORBIDDEN',
    });
  });

  test('the current speaker may send participant.ready, signal.send and turn.done', async () => {
    // ready and signal cannot be stale, so they reach the phase check; turn.done is revisioned.
    expect(await matrixRow(ann)).toEqual({
      ...everything('FORBIDDEN'),
      'participant.ready': 'NOT_ALLOWED',
      'signal.send': 'OK',
      'signal.withdraw': 'NOT_ALLOWED', // never stale, so it reaches the machine: no such signal open
      'turn.done': 'STALE',
    });
  });

  test('an in-room participant who is not speaking may not finish someone else’s turn', async () => {
    expect(await matrixRow(bob)).toEqual({
      ...everything('FORBIDDEN'),
      'participant.ready': 'NOT_ALLOWED',
      'signal.send': 'OK',
      'signal.withdraw': 'NOT_ALLOWED', // never stale, so it reaches the machine: no such signal open
    });
  });

  test('an admitted guest is a participant like any other', async () => {
    expect(await matrixRow(admittedGuest)).toEqual({
      ...everything('FORBIDDEN'),
      'participant.ready': 'NOT_ALLOWED',
      'signal.send': 'OK',
      'signal.withdraw': 'NOT_ALLOWED', // never stale, so it reaches the machine: no such signal open
    });
  });

  test('a planned remote participant still in the lobby may send nothing', async () => {
    expect(await matrixRow(cy)).toEqual(everything('FORBIDDEN'));
  });

  test('a guest still in the lobby may send nothing', async () => {
    expect(await matrixRow(waitingGuest)).toEqual(everything('FORBIDDEN'));
  });

  test('the display may send nothing', async () => {
    expect(await matrixRow(display)).toEqual(everything('FORBIDDEN'));
  });

  test('the agenda did not move: Ann still speaks, three signals were the only changes', async () => {
    const view = facilitator.view as FacilitatorView;
    expect(view.phase).toBe('speaking');
    expect(view.currentSpeakerId).toBe(fx.ids.ann);
    expect(view.signals.map((s) => s.name).sort()).toEqual(['Ann', 'Aunt May', 'Bob']);
  });

  test('turn.done follows the turn: only whoever is speaking now, and only once admitted', async () => {
    expect((ann.view as ParticipantView).allowed).toContain('turn.done');
    expect((bob.view as ParticipantView).allowed).not.toContain('turn.done');

    expect(codeOf(await command(bob, 'turn.done', {}, rev()))).toBe('FORBIDDEN');
    expect(codeOf(await command(ann, 'turn.done', {}, rev()))).toBe('OK');
    await bob.waitFor((v) => v.currentSpeakerId === fx.ids.bob);
    expect(codeOf(await command(ann, 'turn.done', {}, rev()))).toBe('FORBIDDEN');
    expect(codeOf(await command(bob, 'turn.done', {}, rev()))).toBe('OK');

    // Cy's turn has come, but she is still in the lobby: she may not act on it.
    await facilitator.waitFor((v) => v.currentSpeakerId === fx.ids.cy);
    expect(codeOf(await command(cy, 'turn.done', {}, rev()))).toBe('FORBIDDEN');
    expect(codeOf(await command(cy, 'signal.send', { kind: 'need-a-moment' }, null))).toBe('FORBIDDEN');
    expect(codeOf(await command(facilitator, 'lobby.admit', { participantId: fx.ids.cy }, rev()))).toBe('OK');
    await cy.waitFor((v) => (v as ParticipantView).you.admitted);
    expect(codeOf(await command(cy, 'signal.send', { kind: 'need-a-moment' }, null))).toBe('OK');
    expect(codeOf(await command(cy, 'turn.done', {}, rev()))).toBe('OK');
    const after = await facilitator.waitFor((v) => v.currentSpeakerId === null && v.phase === 'speaking');
    expect(after.speakingOrder.map((s) => s.status)).toEqual(['done', 'done', 'done']);
  });
});
