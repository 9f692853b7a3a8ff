// The meeting report (issue 11, section 6): what happened, in order, and how
// long it took, built from the meeting's log alone. Pure: the log is replayed
// through the same machine that accepted it, so a turn's start and end are
// exactly where the agenda moved the floor, never a second reading of the rules.
// The route adds the case's after-care and, when asked, the letters.
import type { MeetingEvent } from '../protocol.js';
import type { ConsentStatus } from '../case/consent-terms.js';
import type { CaseStage } from '../case/vocabulary.js';
import type { OfferResponse, Outcome, PauseReason } from '../vocabulary.js';
import { applyEvent, createMeeting } from './agenda.js';
import type { LivePhase, MeetingContext, MeetingInput, Round, SpeakerStatus } from './context.js';

/** Someone the report names: a guest is marked as one, as on every screen. */
export interface ReportPerson {
  participantId: string;
  name: string;
  guest: boolean;
}

/** One entry of the timeline; `at` is the server's clock (ms since the epoch), seconds are whole. */
export type TimelineEntry =
  | { at: number; kind: 'start' }
  | (ReportPerson & { at: number; kind: 'turn'; round: Round; seconds: number; status: Exclude<SpeakerStatus, 'waiting'> | 'interrupted'; endedAt: number | null })
  | { at: number; kind: 'pause'; reason: PauseReason; phase: LivePhase; seconds: number; endedAt: number | null }
  /** `words`: the objection as the plan states it, added by the route from the case file (the log holds ids only). */
  | { at: number; kind: 'objection'; objectionId: string; words?: string; responder: ReportPerson | null; answeredAt: number | null }
  | { at: number; kind: 'offer'; number: number; override: string | null }
  | { at: number; kind: 'response'; response: OfferResponse; note: string | null }
  | { at: number; kind: 'bottom-lines' }
  | { at: number; kind: 'outcome'; outcome: Outcome; note: string | null; decideBy: string | null }
  | { at: number; kind: 'closed' };

export type TimelineKind = TimelineEntry['kind'];

export interface ReportTotals {
  /** From the start to the outcome (or to `now` while it runs); 0 before the start. */
  meetingSeconds: number;
  /** Time at the floor per person, pauses left out, in the order of first turn. */
  speaking: Array<ReportPerson & { seconds: number; turns: number }>;
  pausedSeconds: number;
  offersMade: number;
}

export interface MeetingTimeline {
  timeline: TimelineEntry[];
  totals: ReportTotals;
  /** Everyone on the meeting's roster at the end, guests included, in roster order (for the letters). */
  people: ReportPerson[];
}

/**
 * The case's after-care as the report shows it: its stage, the transition after a yes and the
 * consents' statuses. The next-steps plan adds its fields here, so keep it an object.
 */
export interface AfterCare {
  stage: CaseStage;
  /**
   * The transition checklist after a yes (issue 11, section 3), when this meeting is the accepted one it
   * follows; null otherwise. Times are epoch ms, null until it happened; `accompaniedBy.name` is the
   * participant's name as the case holds it now, or the name typed.
   */
  transition: ReportTransition | null;
  /** The case's consents under 42 CFR Part 2, oldest first: their status and dates only, never the form's contents. */
  consents: ReportConsent[];
}

export interface ReportTransition {
  leftAt: number | null;
  arrivedAt: number | null;
  admittedAt: number | null;
  accompaniedBy: { participantId: string | null; name: string } | null;
  shareWithFamily: boolean;
}

export interface ReportConsent {
  status: ConsentStatus;
  createdAt: number;
  signedAt: number | null;
  revokedAt: number | null;
}

export interface ReportLetter extends ReportPerson {
  letter: string | null;
  bottomLine: string | null;
}

/** The body of `GET /api/meetings/:meetingId/report`; `letters` only with `?includeLetters=true`. */
export interface MeetingReport extends MeetingTimeline {
  meetingId: string;
  caseId: string;
  rehearsal: boolean;
  phase: string;
  /** The server's clock when the report was made (ms): anything still running is counted up to it. */
  generatedAt: number;
  afterCare: AfterCare;
  letters?: ReportLetter[];
}

interface OpenTurn {
  participantId: string;
  round: Round;
  at: number;
}

/**
 * The timeline and totals of a meeting created from `input` whose log is `events` (oldest first, as
 * accepted). `now` (ms) closes anything still running: a turn or pause under way shows its length so
 * far with `endedAt: null`. An event the machine does not accept on replay changes nothing.
 */
export function meetingTimeline(input: MeetingInput, events: readonly MeetingEvent[], now: number): MeetingTimeline {
  let snapshot = createMeeting(input);
  const entries: TimelineEntry[] = [];
  const turns: Array<{ open: OpenTurn; endedAt: number | null; status: TurnStatus }> = [];
  let open: OpenTurn | null = null;
  for (const event of events) {
    const before = snapshot.context;
    snapshot = applyEvent(snapshot, event);
    const after = snapshot.context;
    if (after === before) continue;
    entries.push(...eventEntries(event, before, after));
    if (event.type === 'objection.resolve') markAnswered(entries, event.objectionId, event.at);
    // The floor moved: the turn that had it ends here, and whoever has it now begins one.
    if (open && (after.currentSpeakerId !== open.participantId || after.round !== open.round)) {
      turns.push({ open, endedAt: event.at, status: statusOf(after, open) });
      open = null;
    }
    if (!open && after.currentSpeakerId !== null) open = { participantId: after.currentSpeakerId, round: after.round, at: event.at };
  }
  if (open) turns.push({ open, endedAt: null, status: 'speaking' });
  const context = snapshot.context;
  const paused = pauseSpans(context, now);
  const turnEntries = turns.map(({ open: t, endedAt, status }) => ({
    at: t.at,
    kind: 'turn' as const,
    ...person(context, t.participantId),
    round: t.round,
    seconds: seconds(spanMs(t.at, endedAt ?? now, paused)),
    status,
    endedAt,
  }));
  const pauseEntries = paused.map(({ from, to, reason, phase, ended }) => ({
    at: from, kind: 'pause' as const, reason, phase, seconds: seconds(to - from), endedAt: ended ? to : null,
  }));
  const timeline = [...entries, ...turnEntries, ...pauseEntries, ...endEntries(context)].sort((a, b) => a.at - b.at);
  const people = context.members.map((m) => person(context, m.participantId));
  return { timeline, totals: totalsOf(context, turnEntries, paused, now), people };
}

type TurnStatus = Extract<TimelineEntry, { kind: 'turn' }>['status'];

/** How a turn ended, read from the order it belonged to; a turn that ended by the agenda moving on reads `interrupted`. */
function statusOf(context: MeetingContext, turn: OpenTurn): TurnStatus {
  const order = context.round === turn.round ? context.speakingOrder : (context.lettersRound ?? []);
  const status = order.find((t) => t.participantId === turn.participantId)?.status;
  return status === 'done' || status === 'skipped' ? status : 'interrupted';
}

/** The entries an accepted event adds by itself; turns, pauses and the ending are read from the context. */
function eventEntries(event: MeetingEvent, before: MeetingContext, after: MeetingContext): TimelineEntry[] {
  switch (event.type) {
    case 'meeting.start':
      return [{ at: event.at, kind: 'start' }];
    case 'objection.raise': {
      const planned = after.objections?.find((o) => o.objectionId === event.objectionId);
      return [{ at: event.at, kind: 'objection', objectionId: event.objectionId, responder: planned ? person(after, planned.responderId) : null, answeredAt: null }];
    }
    case 'offer.present':
      // The offer gate (issue 11, section 2) stamps `override` (the facilitator's reason) on an offer made without a confirmed place.
      return [{ at: event.at, kind: 'offer', number: after.offersMade, override: overrideOf(event) }];
    case 'offer.respond':
      return [{ at: event.at, kind: 'response', response: event.response, note: event.note ?? null }];
    case 'bottomLines.begin':
      return before.round === after.round ? [] : [{ at: event.at, kind: 'bottom-lines' }];
    default:
      return [];
  }
}

/** The responder answered: the latest raising of that objection gets its time. */
function markAnswered(entries: TimelineEntry[], objectionId: string, at: number): void {
  const raised = entries.findLast((e) => e.kind === 'objection' && e.objectionId === objectionId && e.answeredAt === null);
  if (raised?.kind === 'objection') raised.answeredAt = at;
}

/** The override reason an offer event carries, if any (issue 11, section 2); read loosely so older logs need nothing. */
function overrideOf(event: MeetingEvent): string | null {
  const value = (event as { override?: unknown }).override;
  return typeof value === 'string' && value.trim() ? value : null;
}

function endEntries(context: MeetingContext): TimelineEntry[] {
  const o = context.outcome;
  return [
    ...(o ? [{ at: o.at, kind: 'outcome' as const, outcome: o.kind, note: o.note, decideBy: o.decideBy }] : []),
    ...(context.closedAt !== null ? [{ at: context.closedAt, kind: 'closed' as const }] : []),
  ];
}

interface PauseSpan {
  from: number;
  to: number;
  reason: PauseReason;
  phase: LivePhase;
  ended: boolean;
}

function pauseSpans(context: MeetingContext, now: number): PauseSpan[] {
  const past = context.pauses.map((p) => ({ from: p.startedAt, to: p.endedAt, reason: p.reason, phase: p.phase, ended: true }));
  const current = context.pause ? [{ from: context.pause.startedAt, to: Math.max(now, context.pause.startedAt), reason: context.pause.reason, phase: context.pause.phase, ended: false }] : [];
  return [...past, ...current];
}

/** Milliseconds from `from` to `to`, less the time paused in between. */
function spanMs(from: number, to: number, paused: readonly PauseSpan[]): number {
  const pausedMs = paused.reduce((sum, p) => sum + Math.max(0, Math.min(to, p.to) - Math.max(from, p.from)), 0);
  return Math.max(0, to - from - pausedMs);
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}

function person(context: MeetingContext, participantId: string): ReportPerson {
  const m = context.members.find((x) => x.participantId === participantId);
  return { participantId, name: m?.name ?? '', guest: m?.attendance === 'guest' };
}

function totalsOf(context: MeetingContext, turns: ReadonlyArray<ReportPerson & { seconds: number }>, paused: readonly PauseSpan[], now: number): ReportTotals {
  const speaking = new Map<string, ReportPerson & { seconds: number; turns: number }>();
  for (const t of turns) {
    const entry = speaking.get(t.participantId) ?? { participantId: t.participantId, name: t.name, guest: t.guest, seconds: 0, turns: 0 };
    speaking.set(t.participantId, { ...entry, seconds: entry.seconds + t.seconds, turns: entry.turns + 1 });
  }
  const start = context.startedAt;
  const end = context.outcome?.at ?? now;
  return {
    meetingSeconds: start === null ? 0 : seconds(Math.max(0, end - start)),
    speaking: [...speaking.values()],
    pausedSeconds: seconds(paused.reduce((sum, p) => sum + (p.to - p.from), 0)),
    offersMade: context.offersMade,
  };
}
