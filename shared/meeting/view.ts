// The per-role projection of a meeting: the one place that decides who sees
// what. Participants see the public agenda plus their own letter (and their own
// bottom line only while bottom lines are read); the room display sees the
// public agenda only; signals, notes, pause reasons and presence reach the
// facilitator alone. Lobby joiners see nothing of the meeting until admitted.
// An objection's prepared response reaches its responder alone, while it is
// raised in the offer; a walk-out follower alone learns that the loved one left.
import type { Approach } from '../approaches.js';
import type { CommandType, Outcome, SignalKind } from '../protocol.js';
import type { Language, MemberAttendance } from '../vocabulary.js';
import type { CallDetails, MeetingContext, Member, OfferRecord, OutcomeRecord, PastPause, Pause, Phase, Round, SpeakerStatus, Turn } from './context.js';
import { readingTimes, type ReadingTime } from './reading.js';
import { answering, objectionsOf, walkOutFollow, type ObjectionText, type ObjectionView } from './plan-view.js';

export type { ObjectionText, ObjectionView, ReadingTime };

/**
 * A member's connection as the facilitator sees it: `connected` (a device is
 * here), `away` (seen by this server process, no device now), `not-back` (the
 * meeting was open before the server last started and no device of theirs has
 * connected since: they may have joined before, which the new process cannot
 * know), `never-joined` (this process has held the meeting since it was
 * created, and nobody connected as them).
 */
export type Presence = 'connected' | 'away' | 'not-back' | 'never-joined';

export interface LobbyEntry {
  participantId: string;
  name: string;
  /** Only remote people and guests ever wait in the lobby. */
  attendance: Exclude<MemberAttendance, 'in-room'>;
}

/** What the server knows about a meeting beyond its machine: who is here right now. */
export interface LiveRoom {
  presence: ReadonlyMap<string, 'connected' | 'away'>;
  /** What anyone missing from `presence` (not seen by this process) shows as. */
  unseen: 'not-back' | 'never-joined';
  lobby: readonly LobbyEntry[];
  displaysConnected: number;
}

export interface MeetingState {
  context: MeetingContext;
  phase: Phase;
  revision: number;
}

export interface SpeakerView {
  participantId: string;
  name: string;
  /** Came in through the shared remote link: shown as a guest, so that a guest "Ann" is never taken for the planned Ann. */
  guest: boolean;
  status: SpeakerStatus;
}

export interface PublicAgenda {
  meetingId: string;
  revision: number;
  phase: Phase;
  paused: boolean;
  round: Round;
  /** Null for someone still in the lobby: the approach can tell a forwarded link's holder what is planned. */
  approach: Approach | null;
  speakingOrder: SpeakerView[];
  currentSpeakerId: string | null;
  turnEndsAt: number | null;
  outcome: Outcome | null;
  /** A rehearsal (issue 10, section 4): every screen says so in words. */
  rehearsal: boolean;
  /** The server's clock when the view was sent, so clients can correct for their own. */
  serverTime: number;
}

export interface You {
  participantId: string;
  name: string;
  admitted: boolean;
  ready: boolean;
  /**
   * True while the facilitator has sent them back to the lobby after letting them in, so that the
   * lobby greets them as someone returning, not a first arrival (issue 13, item 18). Absent otherwise.
   */
  backInLobby?: true;
  /** The language the interventionist set for their screens (issue 15); absent: English. */
  language?: Language;
}

export interface ParticipantView extends PublicAgenda {
  role: 'participant';
  you: You;
  /** `waiting` while in the lobby, `denied` in the last view before a refused joiner is let go, null once admitted. */
  lobby: 'waiting' | 'denied' | null;
  /** The commands this person could send now; the client enables exactly these. */
  allowed: CommandType[];
  letter: string | null;
  bottomLine: string | null;
  /**
   * "Your answer": the objections raised now that this person answers, with their prepared
   * response; empty for everyone else, and outside the offer (a pause hides them too).
   */
  answering: ObjectionText[];
  /** True for a walk-out follower while the meeting is paused because the loved one left the room. */
  walkOutFollow: boolean;
  /**
   * How to hear the meeting (issue 13, item 18): for someone let in, whenever the facilitator has set
   * them; in the lobby only if the facilitator chose to show them there. Absent otherwise.
   */
  callDetails?: CallLine;
}

/** The call details a participant sees: the link and the number, without the facilitator's choice. */
export type CallLine = Omit<CallDetails, 'showInLobby'>;

/**
 * The call details for someone remote, let in (`admitted`) or waiting; undefined when there are none to
 * show, and always for someone in the room, whose tablet has no use for them.
 */
function callLineFor(context: MeetingContext, member: Member | undefined, admitted: boolean): CallLine | undefined {
  const d = context.callDetails;
  if (!d || (!d.videoLink && !d.dialIn) || member?.attendance === 'in-room' || (!admitted && !d.showInLobby)) return undefined;
  return { videoLink: d.videoLink, dialIn: d.dialIn, pin: d.pin };
}

export interface DisplayView extends PublicAgenda {
  role: 'display';
  /** The meeting's language for the room's screen, as the interventionist set it (issue 15); absent: English. */
  language?: Language;
}

export interface MemberView extends Pick<Member, 'participantId' | 'name' | 'attendance' | 'admitted' | 'denied' | 'ready'> {
  presence: Presence;
}

export interface FacilitatorView extends PublicAgenda {
  role: 'facilitator';
  /** The commands the facilitator could send now (lobby decisions also need someone in `lobby`). */
  allowed: CommandType[];
  usesBottomLines: boolean;
  turnSeconds: number;
  members: MemberView[];
  lobby: LobbyEntry[];
  lobbyLocked: boolean;
  signals: Array<{ signalId: string; participantId: string; name: string; guest: boolean; kind: SignalKind; at: number }>;
  pause: Pause | null;
  pauses: PastPause[];
  offersMade: number;
  responses: OfferRecord[];
  bottomLinesRead: boolean;
  lettersRound: SpeakerView[] | null;
  outcomeDetail: OutcomeRecord | null;
  displaysConnected: number;
  startedAt: number | null;
  closedAt: number | null;
  /** The plan's objections, in its order; their words come from the case's plan, never from here. */
  objections: ObjectionView[];
  /** Who goes after the loved one if they leave the room. */
  walkOutFollowers: Array<{ participantId: string; name: string }>;
  /** A rehearsal's reading times, actual against estimated, in the letters order; null for a real meeting. */
  readingTimes: ReadingTime[] | null;
  /** The call details as set (issue 13, item 18), for the console's form; absent until set. */
  callDetails?: CallDetails;
}

export type MeetingView = FacilitatorView | ParticipantView | DisplayView;

/** A member's name and whether they are a guest: every view that names someone marks a guest as one. */
function nameOf(context: MeetingContext, participantId: string): { name: string; guest: boolean } {
  const member = context.members.find((m) => m.participantId === participantId);
  return { name: member?.name ?? '', guest: member?.attendance === 'guest' };
}

function speakers(context: MeetingContext, order: Turn[]): SpeakerView[] {
  return order.map((t) => ({ participantId: t.participantId, ...nameOf(context, t.participantId), status: t.status }));
}

export function publicAgenda(state: MeetingState, now: number): PublicAgenda {
  const { context } = state;
  return {
    meetingId: context.meetingId,
    revision: state.revision,
    phase: state.phase,
    paused: state.phase === 'paused',
    round: context.round,
    approach: context.approach,
    speakingOrder: speakers(context, context.speakingOrder),
    currentSpeakerId: context.currentSpeakerId,
    turnEndsAt: context.turnEndsAt,
    outcome: context.outcome?.kind ?? null,
    rehearsal: context.rehearsal === true,
    serverTime: now,
  };
}

/** The room display's view; `language` is the meeting's for the display (issue 15), shown only when not English. */
export function displayView(agenda: PublicAgenda, language: Language = 'en'): DisplayView {
  return language === 'en' ? { ...agenda, role: 'display' } : { ...agenda, role: 'display', language };
}

export interface PrivateTexts {
  letter: string | null;
  bottomLine: string | null;
  /** For an objection's responder: the words of the objections they answer. Absent: none. */
  objections?: ObjectionText[];
  /** The language of their screens (issue 15); absent: English. Read with the texts, from the same record. */
  language?: Language;
}


/**
 * One participant's view. `self` is who they are; for a guest still in the
 * lobby the machine has not met them yet, so the server passes their name.
 */
export function participantView(
  state: MeetingState,
  agenda: PublicAgenda,
  self: { participantId: string; name: string },
  texts: PrivateTexts,
  allowed: CommandType[],
): ParticipantView {
  const member = state.context.members.find((m) => m.participantId === self.participantId);
  const you: You = {
    participantId: self.participantId,
    name: member?.name ?? self.name,
    admitted: member?.admitted ?? false,
    ready: member?.ready ?? false,
    // Only they can see this, and they saw it happen: it tells them nothing of the meeting.
    ...(member?.backInLobby && !member.admitted ? { backInLobby: true as const } : {}),
    // Their own setting, in the lobby too, so the first screen they see is in their language.
    ...(texts.language && texts.language !== 'en' ? { language: texts.language } : {}),
  };
  const call = callLineFor(state.context, member, you.admitted);
  if (!you.admitted) {
    const lobby = lobbyView(agenda.meetingId, you, agenda.serverTime, agenda.rehearsal);
    return call ? { ...lobby, callDetails: call } : lobby;
  }
  return {
    ...agenda,
    role: 'participant',
    you,
    lobby: null,
    allowed,
    letter: texts.letter,
    bottomLine: state.phase === 'bottom-lines' ? texts.bottomLine : null,
    answering: answering(state, self.participantId, texts),
    walkOutFollow: walkOutFollow(state, self.participantId),
    ...(call ? { callDetails: call } : {}),
  };
}

/**
 * What someone not let in sees: that they are waiting, and nothing of the meeting. Someone holding a
 * forwarded link learns nothing until the facilitator has seen them, not even how far the meeting
 * has got, so every field that moves with it is fixed: `phase` is `gathering`, `paused` false,
 * `round` `letters`, and `revision` 0 (a client takes a lobby view as news whatever its revision).
 */
function lobbyView(meetingId: string, you: You, serverTime: number, rehearsal: boolean): ParticipantView {
  return {
    meetingId,
    revision: 0,
    phase: 'gathering',
    paused: false,
    round: 'letters',
    approach: null,
    speakingOrder: [],
    currentSpeakerId: null,
    turnEndsAt: null,
    outcome: null,
    // Fixed for the meeting's life, and said in words on the lobby screen too, so that a family member
    // waiting to rehearse knows it is practice. A real meeting's lobby reads false, as before.
    rehearsal,
    serverTime,
    role: 'participant',
    you,
    lobby: 'waiting',
    allowed: [],
    letter: null,
    bottomLine: null,
    answering: [],
    walkOutFollow: false,
  };
}

/**
 * The facilitator's view. `estimateOf` gives a speaker's estimated reading time in seconds (the
 * server reads it from their letter; null when unknown), used only by a rehearsal's reading times.
 */
export function facilitatorView(
  state: MeetingState,
  agenda: PublicAgenda,
  room: LiveRoom,
  allowed: CommandType[],
  estimateOf: (participantId: string) => number | null = () => null,
): FacilitatorView {
  const { context } = state;
  return {
    ...agenda,
    role: 'facilitator',
    allowed,
    usesBottomLines: context.usesBottomLines,
    turnSeconds: context.turnSeconds,
    members: context.members.map((m) => ({
      participantId: m.participantId,
      name: m.name,
      attendance: m.attendance,
      admitted: m.admitted,
      denied: m.denied,
      ready: m.ready,
      presence: room.presence.get(m.participantId) ?? room.unseen,
    })),
    lobby: [...room.lobby],
    lobbyLocked: context.lobbyLocked === true,
    signals: context.signals.map((s) => ({ ...s, ...nameOf(context, s.participantId) })),
    pause: context.pause,
    pauses: context.pauses,
    offersMade: context.offersMade,
    responses: context.responses,
    bottomLinesRead: context.bottomLinesRead,
    lettersRound: context.lettersRound ? speakers(context, context.lettersRound) : null,
    outcomeDetail: context.outcome,
    displaysConnected: room.displaysConnected,
    startedAt: context.startedAt,
    closedAt: context.closedAt,
    objections: objectionsOf(context),
    walkOutFollowers: (context.walkOutFollowers ?? []).map((participantId) => ({ participantId, name: nameOf(context, participantId).name })),
    readingTimes: readingTimes(context, agenda.serverTime, estimateOf),
    ...(context.callDetails ? { callDetails: context.callDetails } : {}),
  };
}
