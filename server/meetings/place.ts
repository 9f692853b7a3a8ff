// Whether a meeting's treatment place is ready for the offer (issue 11, section
// 2): read from the case's logistics when `offer.present` arrives, and stamped
// onto the event by the pipeline, so that the machine decides from the event
// alone and a replay gives the same answer.
import { placeCheck, type PlaceCheck } from '../../shared/case/logistics.js';
import type { Logistics } from '../store/types.js';

/**
 * The place's readiness for the case `caseId` at `clock()`, or null when the case has no logistics
 * saved at all: the interventionist plans the place elsewhere, and the offer is not held (docs/protocol.md).
 */
export function placeReader(store: Pick<Logistics, 'getCaseLogistics'>, clock: () => number) {
  return async (caseId: string): Promise<PlaceCheck | null> => {
    const saved = await store.getCaseLogistics(caseId);
    return saved ? placeCheck(saved.logistics, clock()) : null;
  };
}
