// The rules table: one entry per command type, saying what the command carries,
// whether it must name the revision it was decided on, who may send it, the
// words when the machine refuses it, and how to ask the machine whether it is
// possible now. The protocol's schemas (protocol.ts), the permission check
// (permissions.ts), the stale rule (`isStaleChecked`), the refusal words
// (messages.ts) and the buttons each screen shows (allowed.ts) all come from
// here; what each phase allows is the machine's alone. docs/rules-table.md.
import { z } from 'zod';
import { LIMITS, OFFER_RESPONSES, OUTCOMES, PAUSE_REASONS, SIGNAL_KINDS, type MemberAttendance } from '../vocabulary.js';
import type { MeetingContext, Phase } from './context.js';

/**
 * `revisioned`: the command's outcome depends on the agenda, so it names the revision it was
 * decided on (`expectedRevision`, required) and is refused STALE when the meeting has moved on.
 * `never-stale`: it does not depend on what the sender saw; `expectedRevision` is optional and ignored.
 */
export type Staleness = 'revisioned' | 'never-stale';

/**
 * Who may send a command: the facilitator, any admitted participant, or the admitted participant
 * who has the floor. The room display sends nothing, and neither does anyone still in the lobby.
 */
export type SenderKind = 'facilitator' | 'participant' | 'speaker';

/**
 * A refusal's words with a stable key, for the refusals a family screen can meet: the server sends
 * the key as the ack's `error.reason`, so a page in another language words it from its catalog
 * (issue 15; docs/i18n.md). A rule that returns plain words gets its command type as the reason.
 */
export interface Said {
  reason: string;
  words: string;
}

/** Words with their reason key (see `Said`). */
export const said = (reason: string, words: string): Said => ({ reason, words });

/**
 * The server names the person a lobby decision is about, so that the machine's
 * roster is complete on replay even for a guest it has never seen.
 */
export interface Joiner {
  name: string;
  attendance: Exclude<MemberAttendance, 'in-room'>;
}

/**
 * What the server stamps onto `offer.present` (issue 11, section 2): whether the case's primary
 * treatment place is ready, and if not, what is missing in words. Absent when the case has no
 * logistics at all, and in events logged before issue 11: such offers are not held.
 */
export interface PlaceStamp {
  placeReady?: boolean;
  placeMissing?: string[];
}

/** A payload to ask the machine about: the command's own fields, plus the joiner a lobby decision names. */
export type Probe<S extends z.ZodRawShape> = z.input<z.ZodObject<S>> & { joiner?: Joiner };

export interface CommandRule<S extends z.ZodRawShape = z.ZodRawShape, St extends Staleness = Staleness> {
  /** The command's own fields; every command also carries `commandId`, `type` and, per `staleness`, `expectedRevision`. */
  payload: S;
  staleness: St;
  senders: readonly SenderKind[];
  /**
   * Payloads to ask the machine about (`snapshot.can`), tried in order until one is accepted; none
   * accepted means the command is not possible now. A probe may pick people from the context (who
   * could be called, who could be sent back); whether the command is possible is the machine's call.
   */
  probes(context: MeetingContext): Iterable<NoInfer<Probe<S>>>;
  /**
   * The words when the machine refuses it (NOT_ALLOWED); null, or absent, for the general words
   * about the phase. `stamp` is what the server stamped on the refused event, when it stamps one.
   */
  notAllowed?(phase: Phase, context: MeetingContext, stamp?: PlaceStamp): string | Said | null;
  /** For a `speaker` command: the words for a participant who does not have the floor. */
  notSpeaker?: string;
}

function rule<S extends z.ZodRawShape, St extends Staleness>(entry: CommandRule<S, St>): CommandRule<S, St> {
  return entry;
}

const participantId = z.string().min(1).max(LIMITS.id);
const note = z.string().max(LIMITS.note);
const objectionId = z.string().min(1).max(LIMITS.id);

/** A video link: http or https only, so that no other scheme (javascript:, file:) reaches a screen as a link. */
const videoLink = z
  .string()
  .max(LIMITS.callLink)
  .refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), 'Give a video link that starts with https://');
/** A dial-in number as people write one: an optional +, then 6 to 20 digits with spaces, dashes or brackets. */
const dialIn = z
  .string()
  .max(40)
  .refine((v) => /^\+?[0-9 ()-]+$/.test(v) && (v.match(/[0-9]/g)?.length ?? 0) >= 6 && (v.match(/[0-9]/g)?.length ?? 0) <= 20, 'Give a phone number of 6 to 20 digits');
/** A conference PIN: digits, with an optional closing #. */
const pin = z.string().regex(/^[0-9]{1,12}#?$/, 'Give a PIN of up to 12 digits');

const FACILITATOR = ['facilitator'] as const;
const PARTICIPANT = ['participant'] as const;
/** For a command without fields: the one event there is to ask about. */
const bare = () => [{}];
/** Refusal words for the turn controls, which only mean something while people speak. */
const whileSpeaking = <W extends string | Said>(words: W) => (phase: Phase) => (phase === 'speaking' || phase === 'bottom-lines' ? words : null);
/** Refusal words for the lobby, which stays open until the outcome. */
const untilTheEnd = (words: string) => (phase: Phase) => (phase === 'outcome' ? 'The meeting has ended' : words);

export const COMMAND_RULES = {
  'meeting.start': rule({ payload: {}, staleness: 'revisioned', senders: FACILITATOR, probes: bare }),
  'turns.begin': rule({
    payload: {},
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: bare,
    notAllowed: (phase) =>
      phase === 'opening' ? 'Nobody in the speaking order can be called: let someone in from the lobby, or change the order' : null,
  }),
  'turn.next': rule({
    payload: {},
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: bare,
    notAllowed: whileSpeaking('Everyone in the speaking order has had their turn'),
  }),
  'turn.skip': rule({
    payload: {},
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: bare,
    notAllowed: whileSpeaking('Nobody is speaking right now'),
  }),
  'turn.call': rule({
    payload: { participantId },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: (context) => context.speakingOrder.map((t) => ({ participantId: t.participantId })),
    notAllowed: whileSpeaking('You can call only someone in the speaking order who has been let in and is not speaking already'),
  }),
  'order.set': rule({
    payload: { participantIds: z.array(participantId).max(LIMITS.speakers) },
    staleness: 'revisioned',
    senders: FACILITATOR,
    // Any one person who may be in an order asks whether the phase allows reordering. Probing with
    // the current order would hide the button exactly when that order holds someone who may not be
    // there, which is when the facilitator needs it to take them out. An empty order is refused.
    probes: (context) => context.members.map((m) => ({ participantIds: [m.participantId] })),
    notAllowed: (phase, context) =>
      phase === 'offer' && !(context.usesBottomLines && !context.bottomLinesRead)
        ? 'In the offer the order can change only for the bottom lines still to come'
        : phase !== 'paused'
          ? 'The order must list at least one person on this meeting, each once: nobody turned away, and no guest waiting in the lobby'
          : null,
  }),
  'turn.extend': rule({
    payload: { seconds: z.number().int().min(1).max(LIMITS.extendSeconds) },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: () => [{ seconds: 60 }],
    notAllowed: whileSpeaking('There is no turn to extend right now'),
  }),
  'turn.done': rule({
    payload: {},
    staleness: 'revisioned',
    senders: ['facilitator', 'speaker'],
    probes: bare,
    notAllowed: whileSpeaking(said('nobody-speaking', 'Nobody is speaking right now')),
    notSpeaker: 'Only the person speaking can finish their turn',
  }),
  'pause.start': rule({
    payload: { reason: z.enum(PAUSE_REASONS) },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: () => [{ reason: 'other' as const }],
    notAllowed: (phase) => (phase === 'paused' ? 'The meeting is already paused' : null),
  }),
  'pause.end': rule({
    payload: {},
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: bare,
    notAllowed: () => 'The meeting is not paused',
  }),
  /**
   * Held while the case's primary place is not ready (the server's `placeReady` stamp); `override`,
   * the facilitator's reason, makes the offer anyway and stays in the meeting's log (issue 11).
   */
  'offer.present': rule({
    payload: { override: z.string().trim().min(1).max(LIMITS.note).optional() },
    staleness: 'revisioned',
    senders: FACILITATOR,
    // The button stays enabled while the place is not ready: the refusal names what is missing, and an override is possible.
    probes: bare,
    notAllowed: (phase, _context, stamp) =>
      stamp?.placeReady === false && (phase === 'speaking' || phase === 'bottom-lines')
        ? `The offer waits for the treatment place. ${(stamp.placeMissing ?? []).join('. ')}. To make the offer anyway, give a reason to override.`
        : null,
  }),
  'offer.respond': rule({
    payload: { response: z.enum(OFFER_RESPONSES), note: note.optional() },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: () => [{ response: 'accepted' as const }],
  }),
  /** The loved one raised an objection the family planned for: its responder answers. */
  'objection.raise': rule({
    payload: { objectionId },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: (context) => (context.objections ?? []).map((o) => ({ objectionId: o.objectionId })),
    notAllowed: (phase) =>
      phase === 'offer'
        ? "That objection is not in this meeting's plan, or it is already raised"
        : 'Objections are raised while the offer is on the table',
  }),
  /** The responder has answered: the objection leaves their screen. */
  'objection.resolve': rule({
    payload: { objectionId },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: (context) => (context.raisedObjections ?? []).map((o) => ({ objectionId: o.objectionId })),
    notAllowed: () => 'That objection is not raised right now',
  }),
  'bottomLines.begin': rule({
    payload: {},
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: bare,
    notAllowed: (phase, context) => {
      if (!context.usesBottomLines) return 'This approach does not use bottom lines';
      if (context.bottomLinesRead) return 'Bottom lines have already been read in this meeting';
      if (context.bottomLineReaders?.length === 0) return 'Nobody in this meeting has a bottom line to read';
      return phase === 'offer' ? 'Bottom lines follow a declined offer: record the response first' : null;
    },
  }),
  'meeting.end': rule({
    payload: {
      outcome: z.enum(OUTCOMES),
      note: note.optional(),
      /** For `deferred`: the date the person agreed to decide by (YYYY-MM-DD). */
      decideBy: z.iso.date().optional(),
    },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: () => [{ outcome: 'accepted' as const }],
    // In a live or paused meeting the machine refuses it only for a decide-by date already past.
    notAllowed: (phase) =>
      phase === 'outcome' ? 'The outcome has already been recorded' : 'That decide-by date has already passed: choose today or a later day',
  }),
  'meeting.close': rule({ payload: {}, staleness: 'revisioned', senders: FACILITATOR, probes: bare }),
  /** `note`: the facilitator's incident note, kept in the outcome (issue 13, item 6). */
  'emergency.stop': rule({ payload: { note: note.optional() }, staleness: 'revisioned', senders: FACILITATOR, probes: bare }),
  'lobby.admit': rule({
    payload: { participantId },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: lobbyDecisionProbes,
    notAllowed: untilTheEnd('That person is not waiting in the lobby'),
  }),
  'lobby.deny': rule({
    payload: { participantId },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: lobbyDecisionProbes,
    notAllowed: untilTheEnd('That person is not waiting in the lobby'),
  }),
  /** Send an admitted remote participant or guest back to the lobby. */
  'lobby.return': rule({
    payload: { participantId },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: (context) => context.members.map((m) => ({ participantId: m.participantId })),
    notAllowed: () => 'Only someone remote who has been let in can be sent back to the lobby',
  }),
  // Issue 13, item 18: how remote people hear the meeting. Every field empty clears them.
  'meeting.callDetails': rule({
    payload: { videoLink: videoLink.nullable(), dialIn: dialIn.nullable(), pin: pin.nullable(), showInLobby: z.boolean() },
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: () => [{ videoLink: null, dialIn: null, pin: null, showInLobby: false }],
    notAllowed: () => 'The meeting has ended',
  }),
  'lobby.lock': rule({
    payload: {},
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: bare,
    notAllowed: untilTheEnd('The lobby is already locked'),
  }),
  'lobby.unlock': rule({
    payload: {},
    staleness: 'revisioned',
    senders: FACILITATOR,
    probes: bare,
    notAllowed: untilTheEnd('The lobby is not locked'),
  }),
  'signals.clear': rule({
    payload: { signalId: z.string().min(1).max(LIMITS.commandId).optional() },
    staleness: 'revisioned',
    senders: FACILITATOR,
    // Without a signalId it clears them all: possible whenever there is one to clear.
    probes: bare,
    notAllowed: () => 'There is no such signal to clear',
  }),
  'participant.ready': rule({
    payload: {},
    staleness: 'never-stale',
    senders: PARTICIPANT,
    probes: bare,
    notAllowed: (phase) =>
      phase === 'gathering'
        ? said('already-ready', 'You are already marked ready')
        : said('ready-while-gathering', 'Ready is only marked while people are gathering'),
  }),
  'signal.send': rule({
    payload: { kind: z.enum(SIGNAL_KINDS) },
    staleness: 'never-stale',
    senders: PARTICIPANT,
    probes: () => [{ kind: 'need-a-moment' as const }],
  }),
  /** Take back one's own open signal of a kind ("I'm all right now"). */
  'signal.withdraw': rule({
    payload: { kind: z.enum(SIGNAL_KINDS) },
    staleness: 'never-stale',
    senders: PARTICIPANT,
    probes: () => SIGNAL_KINDS.map((kind) => ({ kind })),
    notAllowed: (phase) =>
      phase === 'outcome'
        ? said('meeting-ended', 'The meeting has ended')
        : said('no-signal', 'There is no signal of yours to take back; the facilitator may already have seen to it'),
  }),
};

/**
 * Whether anyone is waiting is presence, shown in the view's lobby; this asks whether the phase
 * allows a decision, about a guest the machine has never seen.
 */
function lobbyDecisionProbes() {
  return [{ participantId: '\u0000probe', joiner: { name: '', attendance: 'guest' as const } }];
}

export type CommandRules = typeof COMMAND_RULES;
export type CommandType = keyof CommandRules;

/**
 * Whether the server refuses this command STALE when its `expectedRevision` is not the meeting's
 * current revision: true for `revisioned` commands, false for `never-stale` ones.
 */
export function isStaleChecked(type: CommandType): boolean {
  return COMMAND_RULES[type].staleness === 'revisioned';
}
