// The consent form's fixed words and its elements under 42 CFR §2.31 (as
// amended in 2024; compliance from 16 February 2026), with no dependency, so
// that the consent page can import them without zod. docs/consent.md says
// which paragraph each element answers. The statements are stored with each
// form when it is made, so a signed form keeps the words its signer read; the
// signature keeps the statements and acknowledgements as shown, in the
// language the signer read them in (issue 15).
import type { Language } from '../vocabulary.js';

/** The form's elements, in the order the page shows them; each is required (a missing one is a 400 naming it). */
export const CONSENT_ELEMENTS = [
  'patientName',
  'disclosingProgram',
  'information',
  'recipients',
  'purpose',
  'expiresAt',
  'rightToRevoke',
] as const;
export type ConsentElement = (typeof CONSENT_ELEMENTS)[number];

/** The signer's part: the typed full name (the drawing is optional, so keyboard users can sign). */
export const SIGNING_ELEMENTS = ['signature', 'rightToRevoke', 'notConditioned'] as const;
export type SigningElement = (typeof SIGNING_ELEMENTS)[number];

/** Each element in words, with the paragraph of §2.31(a) it answers, for refusals and the docs. */
export const ELEMENT_WORDS: Record<ConsentElement | SigningElement, { label: string; paragraph: string }> = {
  patientName: { label: "the patient's name", paragraph: '§2.31(a)(1)' },
  disclosingProgram: { label: 'the program allowed to disclose (the facility)', paragraph: '§2.31(a)(2)' },
  information: { label: 'what information may be disclosed', paragraph: '§2.31(a)(3)' },
  recipients: { label: 'who may receive it', paragraph: '§2.31(a)(4)' },
  purpose: { label: 'the purpose', paragraph: '§2.31(a)(5)' },
  rightToRevoke: { label: 'the right to revoke', paragraph: '§2.31(a)(6)' },
  expiresAt: { label: 'when the consent ends (a date or an event)', paragraph: '§2.31(a)(7)' },
  signature: { label: 'the signature (the typed full name)', paragraph: '§2.31(a)(8)' },
  notConditioned: { label: 'that treatment does not depend on signing', paragraph: '§2.31(a), as the 2024 rule aligns it with 45 CFR §164.508(c)(2)(ii)' },
};

/** Fixed statements every form carries; stored with the form, sealed, when it is made. */
export const CONSENT_STATEMENTS = {
  rightToRevoke:
    'You may revoke this consent at any time, in writing. Revoking it stops further disclosures, but it cannot undo ' +
    'anything the program has already disclosed in reliance on this consent.',
  notConditioned:
    'Your treatment, payment for it, enrollment and eligibility for benefits do not depend on whether you sign this form. ' +
    'You may refuse to sign.',
  redisclosure:
    'Once the people named here receive the information, they may share it further, and it may then no longer be ' +
    'protected by federal confidentiality rules (42 CFR Part 2).',
} as const;

/** The fixed statements, in one language. */
export interface ConsentStatements {
  rightToRevoke: string;
  notConditioned: string;
  redisclosure: string;
}

/**
 * The statements in Spanish (issue 15): the same three, saying no more than the English. Usted,
 * plain words; "revocar (retirar)" so that the legal verb is explained once.
 */
export const CONSENT_STATEMENTS_ES: ConsentStatements = {
  rightToRevoke:
    'Usted puede revocar (retirar) este consentimiento en cualquier momento, por escrito. Al revocarlo, se detienen las ' +
    'divulgaciones futuras, pero no se puede deshacer nada que el programa ya haya divulgado basándose en este consentimiento.',
  notConditioned:
    'Su tratamiento, el pago del tratamiento, su inscripción y su derecho a recibir beneficios no dependen de que usted firme ' +
    'este formulario. Usted puede negarse a firmarlo.',
  redisclosure:
    'Una vez que las personas nombradas aquí reciban la información, podrían compartirla con otras personas, y es posible ' +
    'que entonces ya no esté protegida por las normas federales de confidencialidad (42 CFR Parte 2).',
};

/** The two sentences the signer ticks, in one language. */
export interface ConsentAcknowledgements {
  rightToRevoke: string;
  notConditioned: string;
}

/** The acknowledgements in each language; kept with the statements because the signature records them. */
export const CONSENT_ACKNOWLEDGEMENTS: Record<Language, ConsentAcknowledgements> = {
  en: {
    rightToRevoke: 'I have read my right to revoke this consent and how to do it.',
    notConditioned: 'I understand that my treatment does not depend on signing this form.',
  },
  es: {
    rightToRevoke: 'He leído mi derecho a revocar este consentimiento y cómo hacerlo.',
    notConditioned: 'Entiendo que mi tratamiento no depende de que firme este formulario.',
  },
};

/** What the signer reads and ticks in one language: the fixed statements and the two acknowledgements. */
export interface ConsentTerms {
  statements: ConsentStatements;
  acknowledgements: ConsentAcknowledgements;
}

/**
 * The terms in `language` for a form whose English statements are `stored` (the words the form was
 * made with: English is always the stored wording; Spanish is this version's translation).
 */
export function consentTerms(stored: ConsentStatements, language: Language): ConsentTerms {
  return { statements: language === 'en' ? stored : TRANSLATED_STATEMENTS[language], acknowledgements: CONSENT_ACKNOWLEDGEMENTS[language] };
}

// Typed by language, so that a new language cannot be added without its statements.
const TRANSLATED_STATEMENTS: Record<Exclude<Language, 'en'>, ConsentStatements> = { es: CONSENT_STATEMENTS_ES };

/** A consent's status from its dates: `revoked` wins, then `signed`; unsigned past its signing window is `link-expired`. */
export type ConsentStatus = 'unsigned' | 'signed' | 'revoked' | 'link-expired';

/** How long a consent's signing link works after it is made (hours): it is offered at the moment of a yes. */
export const CONSENT_LINK_HOURS = 24;

/** Limits on the form's texts and on a drawn signature (a PNG data URL). */
export const CONSENT_LIMITS = {
  text: 500,
  items: 12,
  /** A drawn signature as a PNG data URL, in characters (about 150 KB of image). */
  drawing: 200_000,
} as const;
