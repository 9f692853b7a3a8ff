// Which outcome a recorded answer to the offer leads to (issue 13, item 4):
// pure, so a unit test pins it without a browser.
import type { OfferResponse, Outcome } from '../../../../shared/protocol.js';

/** An outcome the facilitator may record; a safety stop has its own control. */
export type EndOutcome = Exclude<Outcome, 'safety-stop'>;

/**
 * The outcome that follows from the latest answer in the offer: "accepted"
 * leads to Accepted help, "declined" to Declined for now. A conditional
 * answer, or none, proposes nothing: the facilitator chooses.
 */
export function outcomeAfter(response: OfferResponse | null): EndOutcome | null {
  if (response === 'accepted') return 'accepted';
  if (response === 'declined') return 'declined';
  return null;
}
