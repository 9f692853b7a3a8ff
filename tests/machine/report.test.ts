// Issue 11, section 6: the meeting report's timeline and totals, built from the log alone (pure).
import { describe, expect, test } from 'vitest';
import { meetingTimeline } from '../../shared/meeting/report.js';
import type { MeetingEvent } from '../../shared/protocol.js';
import { ev, meetingInput, participant } from '../helpers/events.js';
import { ANN, BOB, CY, T } from './support.js';

const S = 1000;
const input = meetingInput({ objections: [{ objectionId: 'o-1', responderId: BOB }] });
/** An offer as the offer gate stamps it when the facilitator overrides it (issue 11, section 2). */
const overridden = (at: number, override: string) => ({ ...ev({ type: 'offer.present' }, at), override }) as unknown as MeetingEvent;

const log: MeetingEvent[] = [
  ev({ type: 'meeting.start' }, T),
  ev({ type: 'turns.begin' }, T + 60 * S),
  ev({ type: 'pause.start', reason: 'outburst' }, T + 90 * S),
  ev({ type: 'pause.end' }, T + 120 * S),
  ev({ type: 'turn.done' }, T + 180 * S, participant(ANN)),
  ev({ type: 'turn.skip' }, T + 185 * S),
  ev({ type: 'turn.skip' }, T + 190 * S),
  overridden(T + 200 * S, 'The bed is held by phone; the form follows'),
  ev({ type: 'objection.raise', objectionId: 'o-1' }, T + 210 * S),
  ev({ type: 'objection.resolve', objectionId: 'o-1' }, T + 240 * S),
  ev({ type: 'offer.respond', response: 'declined', note: 'Not while the job is at stake' }, T + 250 * S),
  ev({ type: 'bottomLines.begin' }, T + 260 * S),
  ev({ type: 'turn.done' }, T + 300 * S, participant(ANN)),
  ev({ type: 'offer.present' }, T + 320 * S),
  ev({ type: 'offer.respond', response: 'accepted' }, T + 330 * S),
  ev({ type: 'meeting.end', outcome: 'accepted', note: 'Leaves at four' }, T + 340 * S),
  ev({ type: 'meeting.close' }, T + 400 * S),
];

describe('issue 11, section 6: the report from the log', () => {
  test('case 1: the timeline lists, in order, the start, each turn with its length (pauses left out), the pause, the objection, each offer with its override and response, the bottom lines, the outcome', () => {
    const { timeline } = meetingTimeline(input, log, T + 500 * S);
    const brief = timeline.map((e) => {
      const at = (e.at - T) / S;
      switch (e.kind) {
        case 'turn': return [at, 'turn', e.name, e.round, e.seconds, e.status];
        case 'pause': return [at, 'pause', e.reason, e.seconds];
        case 'objection': return [at, 'objection', e.responder?.name, (e.answeredAt! - T) / S];
        case 'offer': return [at, 'offer', e.number, e.override];
        case 'response': return [at, 'response', e.response, e.note];
        case 'outcome': return [at, 'outcome', e.outcome, e.note];
        default: return [at, e.kind];
      }
    });
    expect(brief).toEqual([
      [0, 'start'],
      [60, 'turn', 'Ann', 'letters', 90, 'done'],
      [90, 'pause', 'outburst', 30],
      [180, 'turn', 'Bob', 'letters', 5, 'skipped'],
      [185, 'turn', 'Cy', 'letters', 5, 'skipped'],
      [200, 'offer', 1, 'The bed is held by phone; the form follows'],
      [210, 'objection', 'Bob', 240],
      [250, 'response', 'declined', 'Not while the job is at stake'],
      [260, 'bottom-lines'],
      [260, 'turn', 'Ann', 'bottom-lines', 40, 'done'],
      [300, 'turn', 'Bob', 'bottom-lines', 20, 'done'],
      [320, 'offer', 2, null],
      [330, 'response', 'accepted', null],
      [340, 'outcome', 'accepted', 'Leaves at four'],
      [400, 'closed'],
    ]);
  });

  test('case 2: the totals: the meeting from start to outcome, speaking time per person, time paused', () => {
    const { totals } = meetingTimeline(input, log, T + 500 * S);
    expect(totals).toEqual({
      meetingSeconds: 340,
      speaking: [
        { participantId: ANN, name: 'Ann', guest: false, seconds: 130, turns: 2 },
        { participantId: BOB, name: 'Bob', guest: false, seconds: 25, turns: 2 },
        { participantId: CY, name: 'Cy', guest: false, seconds: 5, turns: 1 },
      ],
      pausedSeconds: 30,
      offersMade: 2,
    });
  });

  test('case 3: a meeting under way counts its open turn and pause up to now, and says they have not ended', () => {
    const { timeline, totals } = meetingTimeline(input, log.slice(0, 3), T + 100 * S);
    expect(timeline.filter((e) => e.kind === 'turn' || e.kind === 'pause')).toMatchObject([
      { kind: 'turn', name: 'Ann', seconds: 30, status: 'speaking', endedAt: null },
      { kind: 'pause', seconds: 10, endedAt: null },
    ]);
    expect(totals).toMatchObject({ meetingSeconds: 100, pausedSeconds: 10 });
  });

  test('case 4: a meeting that never started has an empty timeline and no length', () => {
    expect(meetingTimeline(input, [], T)).toMatchObject({ timeline: [], totals: { meetingSeconds: 0, speaking: [], pausedSeconds: 0, offersMade: 0 } });
  });

  test('case 5: an event the machine does not accept on replay (an offer before the start) adds nothing', () => {
    const { timeline, totals } = meetingTimeline(input, [ev({ type: 'offer.present' }, T), ev({ type: 'meeting.start' }, T + S)], T + 2 * S);
    expect(timeline.map((e) => e.kind)).toEqual(['start']);
    expect(totals.offersMade).toBe(0);
  });
});
