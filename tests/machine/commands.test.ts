// The rules table (shared/meeting/commands.ts) and the machine must agree: the
// table names exactly the events the machine knows, each entry's probe asks a
// question the machine can answer yes to, and what is derived from the table
// (schemas, the stale rule, permissions, refusal words) does what the table says.
import { describe, expect, test } from 'vitest';
import type { MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { allowedCommands } from '../../shared/meeting/allowed.js';
import { COMMAND_RULES, isStaleChecked, type CommandType } from '../../shared/meeting/commands.js';
import { PHASES } from '../../shared/meeting/context.js';
import { meetingMachine } from '../../shared/meeting/machine.js';
import { notAllowedMessage } from '../../shared/meeting/messages.js';
import { forbiddenReason, type Sender } from '../../shared/meeting/permissions.js';
import { COMMAND_TYPES, parseCommand } from '../../shared/protocol.js';
import { ANN, BOB, CY, MIN, T, ev, eventsTo, meetingIn, meetingInput, participant, play, step } from './support.js';

const TYPES = Object.keys(COMMAND_RULES) as CommandType[];
const FAC: Sender = { role: 'facilitator' };

/** Reachable meetings: every phase, plus the few situations some commands need. */
const SITUATIONS: Record<string, () => MeetingSnapshot> = {
  ...Object.fromEntries(PHASES.map((phase) => [phase, () => meetingIn(phase)])),
  'a signal waiting': () => step(meetingIn('speaking'), ev({ type: 'signal.send', kind: 'want-to-speak' }, T + 3 * MIN, participant(BOB))),
  "Ann's signal waiting": () => step(meetingIn('speaking'), ev({ type: 'signal.send', kind: 'need-a-moment' }, T + 3 * MIN, participant(ANN))),
  'the lobby locked': () => play([ev({ type: 'lobby.lock' }, T)]),
  'Cy let in': () => play([ev({ type: 'lobby.admit', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, T)]),
  'the offer, an objection planned': () => meetingIn('offer', meetingInput({ objections: [{ objectionId: 'o-job', responderId: BOB }] })),
  'an objection raised': () =>
    step(
      meetingIn('offer', meetingInput({ objections: [{ objectionId: 'o-job', responderId: BOB }] })),
      ev({ type: 'objection.raise', objectionId: 'o-job' }, T + 11 * MIN),
    ),
  'the offer declined': () => play([...eventsTo('offer'), ev({ type: 'offer.respond', response: 'declined' }, T + 11 * MIN)]),
};

/** One sender of each kind the table names; `speaker` is whoever has the floor. */
function sendersOf(type: CommandType, s: MeetingSnapshot): Array<[Sender, string]> {
  return COMMAND_RULES[type].senders.flatMap((kind): Array<[Sender, string]> => {
    if (kind === 'facilitator') return [[FAC, 'fac-1']];
    if (kind === 'participant') return [[{ role: 'participant', participantId: ANN }, ANN]];
    const speaker = s.context.currentSpeakerId;
    return speaker ? [[{ role: 'participant', participantId: speaker }, speaker]] : [];
  });
}

/** A well-formed command from an entry's first probe in some situation, as a client would send it. */
function wireCommand(type: CommandType): Record<string, unknown> {
  for (const situation of Object.values(SITUATIONS)) {
    const [probe] = COMMAND_RULES[type].probes(situation().context);
    if (!probe) continue;
    const { joiner: _machineOnly, ...payload } = probe as Record<string, unknown>;
    return { commandId: `c-${type}`, type, ...payload };
  }
  throw new Error(`no probe for ${type} in any situation`);
}

describe('the table and the machine agree', () => {
  test('every event the machine knows has an entry, and every entry is an event the machine knows', () => {
    expect([...new Set(meetingMachine.events)].sort()).toEqual([...TYPES].sort());
  });

  test('the protocol knows exactly the commands of the table, in its order', () => {
    expect(COMMAND_TYPES).toEqual(TYPES);
  });

  test.each(TYPES)('%s: some reachable meeting accepts its probe from a sender the table allows', (type) => {
    const where = Object.entries(SITUATIONS).filter(([, make]) => {
      const s = make();
      return sendersOf(type, s).some(([sender, id]) => allowedCommands(s, sender, id).includes(type));
    });
    expect(where.map(([name]) => name), `${type} is never possible`).not.toEqual([]);
  });
});

describe('the stale rule, from the table', () => {
  test('only participant.ready, signal.send and signal.withdraw are never stale today', () => {
    expect(TYPES.filter((t) => !isStaleChecked(t)).sort()).toEqual(['participant.ready', 'signal.send', 'signal.withdraw']);
  });

  test.each(TYPES)('%s: expectedRevision is required exactly when the command is stale-checked', (type) => {
    const command = wireCommand(type);
    expect(parseCommand({ ...command, expectedRevision: 3 }).ok).toBe(true);
    const without = parseCommand(command);
    if (isStaleChecked(type)) {
      expect(without.ok).toBe(false);
      expect(without.ok ? '' : without.message).toMatch(/expectedRevision/);
    } else {
      expect(without.ok).toBe(true);
    }
  });
});

describe('permissions, from the table', () => {
  const ann: Sender = { role: 'participant', participantId: ANN };
  const bob: Sender = { role: 'participant', participantId: BOB };
  const cy: Sender = { role: 'participant', participantId: CY };

  test.each(TYPES)('%s: allowed for exactly the senders the table names (Ann has the floor)', (type) => {
    const s = meetingIn('speaking');
    const senders = COMMAND_RULES[type].senders;
    expect(forbiddenReason(type, FAC, s.context) === null).toBe(senders.includes('facilitator'));
    expect(forbiddenReason(type, ann, s.context) === null).toBe(senders.includes('participant') || senders.includes('speaker'));
    expect(forbiddenReason(type, bob, s.context) === null).toBe(senders.includes('participant'));
    // Nobody in the lobby and no display, whatever the table says.
    expect(forbiddenReason(type, cy, s.context)).toMatch(/lobby/);
    expect(forbiddenReason(type, { role: 'display' }, s.context)).toMatch(/display/);
  });

  test('a speaker command refused to someone without the floor uses its own words', () => {
    const s = meetingIn('speaking');
    expect(forbiddenReason('turn.done', bob, s.context)).toBe(COMMAND_RULES['turn.done'].notSpeaker);
  });
});

describe('refusal words, from the table', () => {
  test.each(PHASES.map((p) => [p]))('in %s, every refused command gets words for a person, never its type', (phase) => {
    const s = meetingIn(phase);
    for (const type of TYPES) {
      const words = notAllowedMessage(type, phase, s.context);
      expect(words).toMatch(/^[A-Z]/);
      expect(words).not.toContain(type);
    }
  });

  test("an entry's own words win over the phase's, and the closed meeting's words over both", () => {
    const offer = meetingIn('offer');
    expect(notAllowedMessage('bottomLines.begin', 'offer', offer.context)).toBe('Bottom lines follow a declined offer: record the response first');
    expect(notAllowedMessage('meeting.start', 'offer', offer.context)).toBe('That is not possible now: the offer is on the table');
    expect(notAllowedMessage('pause.end', 'closed', meetingIn('closed').context)).toBe('The meeting is closed; nothing more can change');
  });
});
