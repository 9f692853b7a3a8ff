// Issue 9, section 1: stage changes are kept and replayable. For any sequence
// of stage events, whatever the machine accepted, replaying the accepted ones
// gives back the same case, and a persisted snapshot restores to it.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyCaseEvent,
  canApplyCase,
  createCaseFile,
  persistCase,
  replayCase,
  restoreCase,
} from '../../shared/case/lifecycle.js';
import type { CaseEvent } from '../../shared/case/stages.js';
import { CANCEL_REASONS, FORWARD_STAGES, type ForwardStage } from '../../shared/case/vocabulary.js';
import { FACILITATOR, T } from './support.js';

const TARGETS = FORWARD_STAGES.slice(1) as Array<Exclude<ForwardStage, 'intake'>>;

const eventArb: fc.Arbitrary<Omit<CaseEvent, 'at' | 'by'>> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TARGETS).map((to) => ({ type: 'stage.move' as const, to })) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('case.cancel' as const),
      reason: fc.constantFrom(...CANCEL_REASONS),
      note: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
    }),
  },
  // Issue 11: a meeting's outcome, which jumps to after-care from any earlier stage.
  { weight: 1, arbitrary: fc.constant({ type: 'meeting.outcome' as const, meetingId: 'm-1' }) },
);

describe('replay', () => {
  test('the accepted events replay to the same case, and every snapshot on the way restores to itself', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), (drafts) => {
        let snapshot = createCaseFile({ caseId: 'c-1' });
        const accepted: CaseEvent[] = [];
        drafts.forEach((draft, i) => {
          const event = { ...draft, at: T + i * 1000, by: FACILITATOR } as CaseEvent;
          if (!canApplyCase(snapshot, event)) return;
          snapshot = applyCaseEvent(snapshot, event);
          accepted.push(event);
          const restored = restoreCase(JSON.parse(JSON.stringify(persistCase(snapshot))));
          expect(restored.context).toEqual(snapshot.context);
        });
        expect(replayCase({ caseId: 'c-1' }, accepted).context).toEqual(snapshot.context);
        // One history entry per accepted event: nothing is lost or invented.
        expect(snapshot.context.history).toHaveLength(accepted.length);
      }),
      { numRuns: 200 },
    );
  });
});
