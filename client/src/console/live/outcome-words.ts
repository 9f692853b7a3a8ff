// Which outcome a recorded answer to the offer leads to (issue 13, item 4):
// pure, so a unit test pins it without a browser.
import type { OfferRecord, Phase } from '../../../../shared/meeting/context.js';
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

/**
 * The latest answer to the offer on the table now, or null outside the offer or before it is
 * answered. An answer without `offer` (stored before answers named their offer) counts as one to
 * the first offer.
 */
export function lastAnswerToThisOffer(view: { phase: Phase; offersMade: number; responses: readonly OfferRecord[] }): OfferResponse | null {
  if (view.phase !== 'offer') return null;
  const last = view.responses.at(-1);
  return last && (last.offer ?? 1) === view.offersMade ? last.response : null;
}
