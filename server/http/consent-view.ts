// How a consent reads over HTTP: its status from its dates, the facilitator's
// full view of it, and the 400 that names a missing 42 CFR §2.31 element.
import {
  CONSENT_LINK_HOURS, missingFormElements, missingSigningElements, missingWords,
  type ConsentElement, type ConsentStatus, type SigningElement,
} from '../../shared/case/consent.js';
import type { ConsentRecord } from '../store/types.js';
import { HttpError } from './errors.js';

export type { ConsentStatus };

/** When a consent's signing link stops working (epoch ms). */
export const signingEnds = (c: ConsentRecord) => c.createdAt + CONSENT_LINK_HOURS * 3_600_000;

/** `revoked` wins, then `signed`; an unsigned form past its signing window is `link-expired`. */
export function consentStatus(c: ConsentRecord, now: number): ConsentStatus {
  if (c.revokedAt !== null) return 'revoked';
  if (c.signedAt !== null) return 'signed';
  return now >= signingEnds(c) ? 'link-expired' : 'unsigned';
}

/** The facilitator's view of one consent: everything on the form, the signature, the dates. Never the token. */
export function consentBody(c: ConsentRecord, now: number) {
  return {
    id: c.id,
    status: consentStatus(c, now),
    form: c.form,
    signature: c.signature,
    createdAt: c.createdAt,
    signedAt: c.signedAt,
    revokedAt: c.revokedAt,
    revocationRecordedAt: c.revocationRecordedAt,
  };
}

function refuseMissing(missing: Array<ConsentElement | SigningElement>): void {
  if (missing.length > 0) throw new HttpError(400, 'CONSENT_INCOMPLETE', missingWords(missing), { missing });
}

function objectOf(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'INVALID', 'The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** Throws 400 CONSENT_INCOMPLETE with `missing: [element…]` when any §2.31 element of the form is absent or empty. */
export function requireFormElements(body: unknown): void {
  refuseMissing(missingFormElements(objectOf(body)));
}

/** The same for the signer's part: the typed name and both acknowledgements. */
export function requireSigningElements(body: unknown): void {
  refuseMissing(missingSigningElements(objectOf(body)));
}
