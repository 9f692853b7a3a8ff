// The consent form under 42 CFR Part 2 (issue 11, section 3): the shapes the
// interventionist sends to make a form and the signer sends to sign it, and
// the check that names a missing §2.31 element. Pure: no I/O, no clock.
import { z } from 'zod';
import { LANGUAGES, type Language } from '../vocabulary.js';
import {
  CONSENT_ELEMENTS, CONSENT_LIMITS, CONSENT_STATEMENTS, ELEMENT_WORDS, SIGNING_ELEMENTS,
  type ConsentElement, type ConsentTerms, type SigningElement,
} from './consent-terms.js';

export * from './consent-terms.js';

const text = z.string().trim().min(1).max(CONSENT_LIMITS.text);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** A person who may receive the information: by name, with how they relate to the patient. */
export const recipientSchema = z.strictObject({ name: text, relationship: text.optional() });

/** The form as the interventionist makes it: every §2.31 element but the signature and its date. */
export const consentFormSchema = z.strictObject({
  patientName: text,
  disclosingProgram: text,
  information: z.array(text).min(1).max(CONSENT_LIMITS.items),
  recipients: z.array(recipientSchema).min(1).max(CONSENT_LIMITS.items),
  purpose: text,
  /** A date (YYYY-MM-DD) or an event ("discharge from treatment"). */
  expiresAt: z.union([z.strictObject({ date: day }), z.strictObject({ event: text })]),
  /** How to revoke: where to send the written revocation. The statement itself is fixed (CONSENT_STATEMENTS). */
  rightToRevoke: z.strictObject({ how: text }),
});
export type ConsentFormInput = z.infer<typeof consentFormSchema>;

/** The form as stored (sealed) and shown: the input with the fixed statements the signer reads. */
export interface ConsentForm extends ConsentFormInput {
  statements: typeof CONSENT_STATEMENTS;
}

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

/** What the signer sends: the typed full name, the drawing if any, a representative, and the two acknowledgements. */
export const signingSchema = z.strictObject({
  signature: z.strictObject({
    typedName: text,
    /** The drawn signature (canvas → PNG data URL); null when signing with the typed name alone (keyboard). */
    drawing: z.string().max(CONSENT_LIMITS.drawing).regex(PNG_DATA_URL, 'a PNG data URL').nullable(),
  }),
  /** Someone signing for the patient (§2.31(a)(8), §2.14, §2.15): their name and their authority. */
  representative: z.strictObject({ name: text, authority: text }).nullable().optional(),
  rightToRevoke: z.strictObject({ acknowledged: z.literal(true) }),
  notConditioned: z.strictObject({ acknowledged: z.literal(true) }),
  /** The language the signer read the form in (issue 15); absent: English. The server records that language's terms. */
  language: z.enum(LANGUAGES).optional(),
});
export type Signing = z.infer<typeof signingSchema>;

/** A signature as stored (sealed): what was signed, by whom, when (epoch ms, the server's clock). */
export interface ConsentSignature {
  typedName: string;
  drawing: string | null;
  representative: { name: string; authority: string } | null;
  signedAt: number;
  /** The language the signer read the form in (issue 15). Absent on signatures from before: English. */
  language?: Language;
  /**
   * The statements and acknowledgements exactly as shown to the signer, in that language (issue 15).
   * Absent on signatures from before: they read the form's stored (English) statements.
   */
  terms?: ConsentTerms;
}

function blank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(blank);
  return false;
}

/** The form's elements absent or empty in `body`, in the form's order. */
export function missingFormElements(body: Record<string, unknown>): ConsentElement[] {
  return CONSENT_ELEMENTS.filter((key) => blank(body[key]));
}

/** The signer's elements missing from `body`: no typed name, or an acknowledgement left unticked. */
export function missingSigningElements(body: Record<string, unknown>): SigningElement[] {
  return SIGNING_ELEMENTS.filter((key) => {
    const value = body[key] as Record<string, unknown> | undefined;
    if (key === 'signature') return blank(value?.typedName);
    return value?.acknowledged !== true;
  });
}

/** "The consent form is missing the purpose (§2.31(a)(5))." for one or more elements. */
export function missingWords(missing: ReadonlyArray<ConsentElement | SigningElement>): string {
  const parts = missing.map((key) => `${ELEMENT_WORDS[key].label} (${ELEMENT_WORDS[key].paragraph})`);
  return `The consent form is missing ${parts.join(', ')}. 42 CFR Part 2 requires each of them.`;
}

