// Issue 9, section 1: the case machine's transitions, forward one stage at a
// time, cancellation from any stage before closed, each change kept with time
// and author, and persist/restore/replay like the meeting machine.
import { describe, expect, test } from 'vitest';
import {
  CASE_MACHINE_VERSION,
  CaseSnapshotMismatch,
  applyCaseEvent,
  canApplyCase,
  createCaseFile,
  persistCase,
  replayCase,
  restoreCase,
  stageOf,
  type CaseSnapshot,
} from '../../shared/case/lifecycle.js';
import { stageAudit, stampStageRequest, stageRequestSchema, type CaseEvent } from '../../shared/case/stages.js';
import { FORWARD_STAGES, type ForwardStage } from '../../shared/case/vocabulary.js';
import { describeIssues } from '../../shared/protocol.js';
import { DAY, FACILITATOR, T, cancel, move, movesTo } from './support.js';

function play(events: CaseEvent[]): CaseSnapshot {
  return events.reduce((s, e) => {
    if (!canApplyCase(s, e)) throw new Error(`${e.type} refused at ${stageOf(s)}`);
    return applyCaseEvent(s, e);
  }, createCaseFile({ caseId: 'c-1' }));
}

describe('moving forward', () => {
  test('a new case is at intake with no history', () => {
    const s = createCaseFile({ caseId: 'c-1' });
    expect(stageOf(s)).toBe('intake');
    expect(s.context).toEqual({ caseId: 'c-1', stage: 'intake', history: [], cancellation: null });
  });

  test('every stage in order, from intake to closed, each kept with its time and author', () => {
    const s = play(movesTo('closed'));
    expect(stageOf(s)).toBe('closed');
    expect(s.status).toBe('done');
    expect(s.context.history.map((h) => h.to)).toEqual(FORWARD_STAGES.slice(1));
    expect(s.context.history[0]).toEqual({ from: 'intake', to: 'assessment', at: T + DAY, by: 'fac-1' });
    expect(s.context.history.at(-1)).toMatchObject({ from: 'follow-up', to: 'closed', at: T + 8 * DAY });
  });

  test.each(FORWARD_STAGES.slice(0, -1).map((stage, i) => [stage, FORWARD_STAGES[i + 1]] as const))(
    'at %s, only %s is the next stage: skipping ahead or going back is refused',
    (stage, next) => {
      const s = play(movesTo(stage));
      for (const to of FORWARD_STAGES.slice(1) as Array<Exclude<ForwardStage, 'intake'>>) {
        expect(canApplyCase(s, move(to)), `${stage} → ${to}`).toBe(to === next);
      }
    },
  );
});

describe('cancelling (issue 9, section 1: an outcome to record, not a failure to hide)', () => {
  test.each(FORWARD_STAGES.slice(0, -1))('from %s, with its reason, note and the stage it left', (stage) => {
    const s = play([...movesTo(stage), cancel('declined-to-proceed', 'the family chose to wait', T + 20 * DAY)]);
    expect(stageOf(s)).toBe('cancelled');
    expect(s.status).toBe('done');
    expect(s.context.cancellation).toEqual({ reason: 'declined-to-proceed', note: 'the family chose to wait', from: stage, at: T + 20 * DAY, by: 'fac-1' });
    expect(s.context.history.at(-1)).toEqual({ from: stage, to: 'cancelled', at: T + 20 * DAY, by: 'fac-1' });
  });

  test('a closed case cannot be cancelled, and a cancelled one moves no more', () => {
    expect(canApplyCase(play(movesTo('closed')), cancel('other', 'x'))).toBe(false);
    const cancelled = play([cancel('safety')]);
    expect(canApplyCase(cancelled, move('assessment'))).toBe(false);
    expect(canApplyCase(cancelled, cancel('safety'))).toBe(false);
  });
});

describe('the stage request and its audit', () => {
  test('a forward stage or a cancellation with its reason; a note is required for "other"', () => {
    expect(stageRequestSchema.safeParse({ to: 'planning' }).success).toBe(true);
    expect(stageRequestSchema.safeParse({ to: 'intake' }).success).toBe(false);
    expect(stageRequestSchema.safeParse({ to: 'cancelled' }).success).toBe(false);
    expect(stageRequestSchema.safeParse({ to: 'cancelled', reason: 'unreachable' }).success).toBe(true);
    expect(stageRequestSchema.safeParse({ to: 'cancelled', reason: 'other' }).success).toBe(false);
    expect(stageRequestSchema.safeParse({ to: 'cancelled', reason: 'other', note: 'moved abroad' }).success).toBe(true);
    expect(stageRequestSchema.safeParse({ to: 'planning', reason: 'safety' }).success).toBe(false);
  });

  test('a refused request names the field, for the 400 (a plain union answered "body: Invalid input")', () => {
    const words = (body: unknown) => {
      const result = stageRequestSchema.safeParse(body);
      return result.success ? 'accepted' : describeIssues(result.error);
    };
    expect(words({ to: 'cancelled', reason: 'other' })).toBe('note: say what happened when the reason is other');
    expect(words({ to: 'cancelled' })).toMatch(/^reason: /);
    expect(words({ to: 'nowhere' })).toMatch(/^to: /);
    expect(words({ to: 'planning', reason: 'safety' })).toBe('unknown field "reason"');
  });

  test('stamping adds the time and author; the audit keeps stage names and the reason code, never the note', () => {
    const event = stampStageRequest({ to: 'cancelled', reason: 'person-sought-help-first', note: 'called a clinic' }, T, FACILITATOR);
    expect(event).toEqual({ type: 'case.cancel', reason: 'person-sought-help-first', note: 'called a clinic', at: T, by: FACILITATOR });
    expect(stageAudit('planning', event)).toEqual({ from: 'planning', to: 'cancelled', reason: 'person-sought-help-first' });
    expect(JSON.stringify(stageAudit('planning', event))).not.toContain('clinic');
    expect(stageAudit('intake', stampStageRequest({ to: 'assessment' }, T, FACILITATOR))).toEqual({ from: 'intake', to: 'assessment' });
  });
});

describe('persist, restore, replay', () => {
  test('a persisted case restores to the same stage and context, and moves on from there', () => {
    const s = play(movesTo('ready'));
    const persisted = JSON.parse(JSON.stringify(persistCase(s)));
    expect(persisted.machineVersion).toBe(CASE_MACHINE_VERSION);
    const restored = restoreCase(persisted);
    expect(stageOf(restored)).toBe('ready');
    expect(restored.context).toEqual(s.context);
    expect(stageOf(applyCaseEvent(restored, move('meeting')))).toBe('meeting');
  });

  test('a cancelled case restores as cancelled', () => {
    const s = play([...movesTo('planning'), cancel('safety')]);
    expect(stageOf(restoreCase(JSON.parse(JSON.stringify(persistCase(s)))))).toBe('cancelled');
  });

  test('replaying the stage events gives back exactly the case', () => {
    const events = [...movesTo('after-care'), cancel('other', 'the family moved', T + 30 * DAY)];
    expect(replayCase({ caseId: 'c-1' }, events).context).toEqual(play(events).context);
  });

  test('another machine version, or a state that does not restore, is a mismatch for replay to handle', () => {
    const persisted = persistCase(play(movesTo('planning')));
    expect(() => restoreCase({ ...persisted, machineVersion: CASE_MACHINE_VERSION + 1 })).toThrow(CaseSnapshotMismatch);
    expect(() => restoreCase(persisted.state)).toThrow(CaseSnapshotMismatch);
    expect(() => restoreCase({ machineVersion: CASE_MACHINE_VERSION, state: { ...persisted.state, value: { open: 'nowhere' } } })).toThrow(CaseSnapshotMismatch);
    expect(() => restoreCase({ machineVersion: CASE_MACHINE_VERSION, state: { ...persisted.state, value: 'closed' } })).toThrow(CaseSnapshotMismatch);
    expect(() => restoreCase(null)).toThrow(CaseSnapshotMismatch);
  });
});
