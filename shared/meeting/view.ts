// The per-role projection of a meeting: the one place that decides who sees
// what. Participants see the public agenda plus their own letter (and their own
// bottom line only while bottom lines are read); the room display sees the
// public agenda only; signals, notes, pause reasons and presence reach the
// facilitator alone. Lobby joiners see nothing of the meeting until admitted.
// An objection's prepared response reaches its responder alone, while it is
// raised in the offer; a walk-out follower alone learns that the loved one left.
//
// Each view is made of parts (issue 14): the public agenda (`publicAgenda`), a
// participant's own part (`youPart`) and the facilitator's (`facilitatorPart`).
// Protocol v2 sends the parts as they are; v1 sends them composed
// (`participantView`, `facilitatorView`, `displayView`, with shared/meeting/parts.ts,
// which v2 clients compose with too). A field that only one person may see
// belongs in their part, never in the agenda.
import type { Approach } from '../approaches.js';
import type { CommandType, Outcome, SignalKind } from '../protocol.js';
import type { Language, MemberAttendance } from '../vocabulary.js';
import type { CallDetails, MeetingContext, Member, OfferRecord, OutcomeRecord, PastPause, Pause, Phase, Round, SpeakerStatus, Turn } from './context.js';
import { readingTimes, type ReadingTime } from './reading.js';
import { composeDisplay, composeFacilitator, composeParticipant, type PartFields } from './parts.js';
import { answering, objectionsOf, walkOutFollow, type ObjectionText, type ObjectionView } from './plan-view.js';

export type { ObjectionText, ObjectionView, ReadingTime };

/** After a yes (issue 11, section 3): the one word a remote relative's screen may show about the person. */
export type FamilyNews = 'on-the-way' | 'admitted';

/**
 * A member's connection as the facilitator sees it: `connected` (a device is
 * here), `away` (their last device dropped less than the reconnect grace ago:
 * a reconnect is still plausible), `left` (seen by this server process, no
 * device for longer than the grace: the tablet was closed or lost), `not-back` (the
 * meeting was open before the server last started and no device of theirs has
 * connected since: they may have joined before, which the new process cannot
 * know), `never-joined` (this process has held the meeting since it was
 * created, and nobody connected as them).
 */
export type Presence = 'connected' | 'away' | 'left' | 'not-back' | 'never-joined';

export interface LobbyEntry {
  participantId: string;
  name: string;
  /** Only remote people and guests ever wait in the lobby. */
  attendance: Exclude<MemberAttendance, 'in-room'>;
}

/** What the server knows about a meeting beyond its machine: who is here right now. */
export interface LiveRoom {
  presence: ReadonlyMap<string, 'connected' | 'away' | 'left'>;
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
  /**
   * The room display's language when it is not English (issue 15); absent: English. On the agenda
   * because a v2 display receives nothing else; only the display's composed view shows it (`language`).
   */
  displayLanguage?: Language;
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

/**
 * One participant's private part (v2's `meeting:you`): what their view adds to the agenda. It is
 * stamped with the meeting, revision and server time it was made at, and repeats `rehearsal` so that
 * a lobby screen, which gets no agenda, can say it. New fields that only this person may see go here.
 */
export interface YouPart {
  meetingId: string;
  /** The revision it was made at; 0 in the lobby, like a lobby view's. */
  revision: number;
  serverTime: number;
  rehearsal: boolean;
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
  /**
   * In the lobby only (issue 13, item 18): whose meeting it is and who lets people in, by first name,
   * so that the waiting screen can say so. Absent once let in, and for meetings made before it.
   */
  lobbyWelcome?: LobbyWelcome;
  /**
   * After a yes (issue 11, section 3): "On the way" or "Admitted", for someone remote, once the outcome
   * is `accepted` and only if the interventionist chose to share it. Absent otherwise.
   */
  familyNews?: FamilyNews;
}

/** The first names the lobby greets with; either may be null when the meeting does not know it. */
export interface LobbyWelcome {
  lovedOne: string | null;
  facilitator: string | null;
}

/** The lobby's names from the meeting, or undefined for a meeting made before it knew them. */
function lobbyWelcomeOf(context: MeetingContext): LobbyWelcome | undefined {
  const { lovedOneFirstName: lovedOne, facilitatorFirstName: facilitator } = context;
  return lovedOne || facilitator ? { lovedOne: lovedOne ?? null, facilitator: facilitator ?? null } : undefined;
}

export interface ParticipantView extends PublicAgenda, PartFields<YouPart> {
  role: 'participant';
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

/**
 * The facilitator's part (v2's `meeting:facilitator`): everything of their view beyond the agenda,
 * stamped with the meeting, revision and server time it was made at.
 */
export interface FacilitatorPart {
  meetingId: string;
  revision: number;
  serverTime: number;
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

export interface FacilitatorView extends PublicAgenda, PartFields<FacilitatorPart> {
  role: 'facilitator';
}

export type MeetingView = FacilitatorView | ParticipantView | DisplayView;

/** A member's name and whether they are a guest: every view that names someone marks a guest as one. */
function nameOf(context: MeetingContext, participantId: string): { name: string; guest: boolean } {
  const member = context.members.find((m) => m.participantId === participantId);
  return { name: member?.name ?? '', guest: member?.attendance === 'guest' };
}

function speakers(context: MeetingContext, order: Turn[]): SpeakerView[] {
  // Literals without spreads: every command projects these, and a spread into a literal is slow in V8 (issue 14).
  return order.map((t) => {
    const { name, guest } = nameOf(context, t.participantId);
    return { participantId: t.participantId, name, guest, status: t.status };
  });
}

export function publicAgenda(state: MeetingState, now: number, displayLanguage: Language = 'en'): PublicAgenda {
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
    ...(displayLanguage !== 'en' ? { displayLanguage } : {}),
  };
}

export function displayView(agenda: PublicAgenda): DisplayView {
  return composeDisplay(agenda);
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
 * One participant's private part at `state`, made at `now` (ms). `self` is who they are; for a guest
 * still in the lobby the machine has not met them yet, so the server passes their name. Someone not
 * let in gets a lobby part: nothing of the meeting (see `lobbyAgenda` in parts.ts) but the call
 * details the facilitator chose to show the lobby.
 */
export function youPart(
  state: MeetingState,
  self: { participantId: string; name: string },
  texts: PrivateTexts,
  allowed: CommandType[],
  now: number,
  news: FamilyNews | null = null,
): YouPart {
  const { context } = state;
  const member = context.members.find((m) => m.participantId === self.participantId);
  // Built without spreads, optional fields appended in the order the spreads put them (the bytes sent
  // are unchanged): every command builds one part per person, and a spread into a literal is several
  // times the cost of all the rest (issue 14).
  const you: You = {
    participantId: self.participantId,
    name: member?.name ?? self.name,
    admitted: member?.admitted ?? false,
    ready: member?.ready ?? false,
  };
  // Only they can see this, and they saw it happen: it tells them nothing of the meeting.
  if (member?.backInLobby && !member.admitted) you.backInLobby = true;
  // Their own setting, in the lobby too, so the first screen they see is in their language.
  if (texts.language && texts.language !== 'en') you.language = texts.language;
  const call = callLineFor(context, member, you.admitted);
  const rehearsal = context.rehearsal === true;
  // What someone waiting may see goes in this branch; what someone let in sees, in the one below.
  // Both reach v1's composed view and v2's `meeting:you` alike.
  if (!you.admitted) {
    const welcome = lobbyWelcomeOf(context);
    const waiting: YouPart = {
      meetingId: context.meetingId,
      serverTime: now,
      rehearsal,
      revision: 0,
      you,
      lobby: 'waiting',
      allowed: [],
      letter: null,
      bottomLine: null,
      answering: [],
      walkOutFollow: false,
    };
    if (call) waiting.callDetails = call;
    if (welcome) waiting.lobbyWelcome = welcome;
    return waiting;
  }
  const part: YouPart = {
    meetingId: context.meetingId,
    serverTime: now,
    rehearsal,
    revision: state.revision,
    you,
    lobby: null,
    allowed,
    letter: texts.letter,
    bottomLine: state.phase === 'bottom-lines' ? texts.bottomLine : null,
    answering: answering(state, self.participantId, texts),
    walkOutFollow: walkOutFollow(state, self.participantId),
  };
  if (call) part.callDetails = call;
  if (shareNews(state, member, news)) part.familyNews = news!;
  return part;
}

/** Whether `news` reaches this member: someone remote, after an accepted outcome, when shared at all. */
function shareNews(state: MeetingState, member: Member | undefined, news: FamilyNews | null): boolean {
  // `closed` too: the news often comes hours later, to a phone still showing the ended meeting.
  const ended = state.phase === 'outcome' || state.phase === 'closed';
  return news !== null && ended && state.context.outcome?.kind === 'accepted' && member !== undefined && member.attendance !== 'in-room';
}

/** One participant's v1 view: the agenda and their part, composed (a lobby part with the fixed lobby agenda). */
export function participantView(
  state: MeetingState,
  agenda: PublicAgenda,
  self: { participantId: string; name: string },
  texts: PrivateTexts,
  allowed: CommandType[],
  news: FamilyNews | null = null,
): ParticipantView {
  return composeParticipant(agenda, youPart(state, self, texts, allowed, agenda.serverTime, news));
}

/**
 * The facilitator's part at `state`, made at `now` (ms). `estimateOf` gives a speaker's estimated
 * reading time in seconds (the server reads it from their letter; null when unknown), used only by a
 * rehearsal's reading times.
 */
export function facilitatorPart(
  state: MeetingState,
  room: LiveRoom,
  allowed: CommandType[],
  now: number,
  estimateOf: (participantId: string) => number | null = () => null,
): FacilitatorPart {
  const { context } = state;
  const part: FacilitatorPart = {
    meetingId: context.meetingId,
    revision: state.revision,
    serverTime: now,
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
    signals: context.signals.map((s) => signalView(context, s)),
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
    readingTimes: readingTimes(context, now, estimateOf),
  };
  // Appended as the spread did (same bytes), without one (issue 14: see `youPart`).
  if (context.callDetails) part.callDetails = context.callDetails;
  return part;
}

/** A signal as the console lists it: the signal's own fields, then who sent it (a spread's order, without one). */
function signalView(context: MeetingContext, signal: MeetingContext['signals'][number]): FacilitatorPart['signals'][number] {
  // Object.assign copies what a spread copies (own enumerable keys, in order), at a fraction of the cost.
  const view = Object.assign({}, signal) as FacilitatorPart['signals'][number];
  const { name, guest } = nameOf(context, signal.participantId);
  view.name = name;
  view.guest = guest;
  return view;
}

/** The facilitator's v1 view: the agenda and the facilitator's part, composed. */
export function facilitatorView(
  state: MeetingState,
  agenda: PublicAgenda,
  room: LiveRoom,
  allowed: CommandType[],
  estimateOf: (participantId: string) => number | null = () => null,
): FacilitatorView {
  return composeFacilitator(agenda, facilitatorPart(state, room, allowed, agenda.serverTime, estimateOf));
}
