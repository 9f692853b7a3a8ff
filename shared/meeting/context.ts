// The meeting's state as the agenda machine keeps it. Everything here is plain
// JSON so that a snapshot can be stored and restored, and replay reproduces it.
import type { Approach } from '../approaches.js';
import type { MemberAttendance, OfferResponse, Outcome, PauseReason, SignalKind } from '../vocabulary.js';

export type SpeakerStatus = 'waiting' | 'speaking' | 'done' | 'skipped';
export type Round = 'letters' | 'bottom-lines';
/** Phases in which the meeting is under way and can be paused. */
export const LIVE_PHASES = ['gathering', 'opening', 'speaking', 'offer', 'bottom-lines'] as const;
export type LivePhase = (typeof LIVE_PHASES)[number];
export const PHASES = [...LIVE_PHASES, 'paused', 'outcome', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export interface Member {
  participantId: string;
  name: string;
  /** `guest`: came in through the shared remote link and was admitted. */
  attendance: MemberAttendance;
  /** In-room participants are admitted from the start; remote ones after the lobby. */
  admitted: boolean;
  denied: boolean;
  ready: boolean;
  /**
   * Sent back to the lobby by the facilitator (`lobby.return`) and not let in again yet: the agenda
   * passes over them. Absent in snapshots stored before it existed, which means false.
   */
  backInLobby?: boolean;
  /**
   * When the facilitator turned them away (the `lobby.deny` event's `at`, ms): a link issued before
   * then is refused DENIED at the handshake, one issued after (a reissue) brings them back to the
   * lobby. Present only while `denied`; absent in snapshots stored before it existed.
   */
  deniedAt?: number;
}

export interface Turn {
  participantId: string;
  status: SpeakerStatus;
}

export interface Pause {
  reason: PauseReason;
  startedAt: number;
  phase: LivePhase;
}

export interface PastPause extends Pause {
  endedAt: number;
  durationMs: number;
}

export interface Signal {
  signalId: string;
  participantId: string;
  kind: SignalKind;
  at: number;
}

export interface OfferRecord {
  response: OfferResponse;
  note: string | null;
  at: number;
  /**
   * Which offer it answers (1 for the first, 2 for the offer made again after the bottom lines), so a
   * console opened or reloaded mid-way knows the current offer's answers from the view alone. Absent
   * in snapshots stored before it existed, which means the first offer.
   */
  offer?: number;
}

export interface OutcomeRecord {
  kind: Outcome;
  note: string | null;
  decideBy: string | null;
  at: number;
}

/** An objection the family expects, as the meeting knows it: who answers it. Its words are sealed texts, never here. */
export interface PlannedObjection {
  objectionId: string;
  responderId: string;
}

/** A planned objection the loved one has raised, waiting for its responder's answer. */
export interface RaisedObjection {
  objectionId: string;
  raisedAt: number;
}

export interface MeetingContext {
  meetingId: string;
  approach: Approach;
  usesBottomLines: boolean;
  turnSeconds: number;
  members: Member[];
  speakingOrder: Turn[];
  round: Round;
  /** The letters round as it ended, kept when the bottom-lines round reuses the order. */
  lettersRound: Turn[] | null;
  currentSpeakerId: string | null;
  /** Absolute, advisory: nothing advances when it passes. */
  turnEndsAt: number | null;
  offersMade: number;
  responses: OfferRecord[];
  bottomLinesRead: boolean;
  pause: Pause | null;
  pauses: PastPause[];
  signals: Signal[];
  /** Locked: nobody new may enter the lobby; people already admitted come and go as before. */
  lobbyLocked: boolean;
  outcome: OutcomeRecord | null;
  startedAt: number | null;
  closedAt: number | null;
  /** The plan's objections and their responders. Absent in snapshots stored before them: none. */
  objections?: PlannedObjection[];
  /** Who goes after the loved one if they leave the room. Absent in older snapshots: nobody. */
  walkOutFollowers?: string[];
  /** Objections raised in the offer and not resolved yet, oldest first. Absent in older snapshots: none. */
  raisedObjections?: RaisedObjection[];
  /**
   * Who has a bottom line to read, from the plan (issue 13, item 11): only they are in the bottom-lines
   * round. Absent in older snapshots: everyone in the order reads, as before.
   */
  bottomLineReaders?: string[];
  /** A rehearsal (issue 10, section 4): practice that never counts as the case's meeting. Absent: a real meeting. */
  rehearsal?: true;
  /** A rehearsal's spells at the floor, oldest first, for its reading times. Present only in rehearsals. */
  readings?: Reading[];
  /** How remote people hear the meeting (issue 13, item 18). Absent in older snapshots, or until set: none. */
  callDetails?: CallDetails;
  /** Whose meeting it is and who lets people in, by first name, for the lobby alone (issue 13, item 18). Absent in older meetings. */
  lovedOneFirstName?: string;
  facilitatorFirstName?: string;
}

/**
 * How remote people join the call: a video link (http or https), a dial-in number with an optional
 * PIN, or both. Admitted remote people always see them; people in the lobby only when `showInLobby`.
 */
export interface CallDetails {
  videoLink: string | null;
  dialIn: string | null;
  pin: string | null;
  showInLobby: boolean;
}

/** One spell of someone holding the floor, from being called to their turn ending (ms, server clock). */
export interface Reading {
  participantId: string;
  round: Round;
  startedAt: number;
  /** Null while they still have the floor. */
  endedAt: number | null;
}

export interface MeetingInput {
  meetingId: string;
  approach: Approach;
  usesBottomLines: boolean;
  turnSeconds: number;
  members: Array<Pick<Member, 'participantId' | 'name' | 'attendance'>>;
  speakingOrder: string[];
  /** From the case's plan; absent (inputs made before objections existed) means none. */
  objections?: PlannedObjection[];
  /** From the case's plan (the `walk-out-follower` role); absent means nobody. */
  walkOutFollowers?: string[];
  /** True for a rehearsal; absent or false means a real meeting. */
  rehearsal?: boolean;
  /** Who has a bottom line (issue 13, item 11); absent (older inputs) means everyone in the order. */
  bottomLineReaders?: string[];
  /** The loved one's and the facilitator's first names, for the lobby's words (issue 13, item 18); absent in older inputs. */
  lovedOneFirstName?: string;
  facilitatorFirstName?: string;
}

export function initialContext(input: MeetingInput): MeetingContext {
  return {
    meetingId: input.meetingId,
    approach: input.approach,
    usesBottomLines: input.usesBottomLines,
    turnSeconds: input.turnSeconds,
    members: input.members.map((m) => ({
      ...m,
      admitted: m.attendance === 'in-room',
      denied: false,
      ready: false,
    })),
    speakingOrder: input.speakingOrder.map((participantId) => ({ participantId, status: 'waiting' })),
    round: 'letters',
    lettersRound: null,
    currentSpeakerId: null,
    turnEndsAt: null,
    offersMade: 0,
    responses: [],
    bottomLinesRead: false,
    pause: null,
    pauses: [],
    signals: [],
    lobbyLocked: false,
    outcome: null,
    startedAt: null,
    closedAt: null,
    // Only when the plan gave them: an input from before them then makes exactly the context it
    // always made, so older meetings replay to their stored snapshots (MEETING_MACHINE_VERSION stays).
    ...(input.objections ? { objections: input.objections, raisedObjections: [] } : {}),
    ...(input.walkOutFollowers ? { walkOutFollowers: input.walkOutFollowers } : {}),
    ...(input.bottomLineReaders ? { bottomLineReaders: input.bottomLineReaders } : {}),
    ...(input.lovedOneFirstName ? { lovedOneFirstName: input.lovedOneFirstName } : {}),
    ...(input.facilitatorFirstName ? { facilitatorFirstName: input.facilitatorFirstName } : {}),
    // Likewise only for a rehearsal: a real meeting's context stays exactly as before.
    ...(input.rehearsal === true ? { rehearsal: true as const, readings: [] } : {}),
  };
}

export function findMember(context: MeetingContext, participantId: string): Member | undefined {
  return context.members.find((m) => m.participantId === participantId);
}

/**
 * Whether the agenda may give this person the floor by itself (turn.next, a new round): not someone
 * turned away, nor someone sent back to the lobby. A planned remote person not let in yet may be
 * reached, because the machine does not know who is connected: the console shows them absent, and
 * the facilitator skips them.
 */
export function mayBeCalledNext(context: MeetingContext, participantId: string): boolean {
  const m = findMember(context, participantId);
  return !m?.denied && !m?.backInLobby;
}

/** The speaker who would be called next: the first one still waiting, in order, who may be called. */
export function nextWaiting(context: MeetingContext): string | null {
  return context.speakingOrder.find((t) => t.status === 'waiting' && mayBeCalledNext(context, t.participantId))?.participantId ?? null;
}

/** The context fields that clear every raised objection; none for a meeting that never had them. */
export function noRaisedObjections(context: MeetingContext): Pick<MeetingContext, 'raisedObjections'> {
  return context.raisedObjections ? { raisedObjections: [] } : {};
}

/** The planned objection with this id, if the plan has it. */
export function plannedObjection(context: MeetingContext, objectionId: string): PlannedObjection | undefined {
  return context.objections?.find((o) => o.objectionId === objectionId);
}

/** Whether this objection is raised now and waits for its answer. */
export function isRaised(context: MeetingContext, objectionId: string): boolean {
  return context.raisedObjections?.some((o) => o.objectionId === objectionId) ?? false;
}

/**
 * The bottom-lines round's order: the letters order, keeping only those with a bottom line (issue 13,
 * item 11). A meeting from before the readers were known keeps everyone, as it always did.
 */
export function bottomLineOrder(context: MeetingContext): string[] {
  const ids = context.speakingOrder.map((t) => t.participantId);
  const readers = context.bottomLineReaders;
  return readers ? ids.filter((id) => readers.includes(id)) : ids;
}
