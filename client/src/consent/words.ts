// Every word the consent page shows, in one place, so that they can move into
// a message catalog (English for now). The legal statements themselves come
// with the form from the server (shared/case/consent-terms.ts).
export const WORDS = {
  title: 'Consent to share information about your treatment',
  intro:
    'Federal law (42 CFR Part 2) keeps treatment records for substance use private. With this form you can allow the program ' +
    'named below to share some of that information with the people you choose. Please read it, and ask your interventionist anything.',
  patient: 'Patient',
  program: 'Who may share the information',
  information: 'What may be shared',
  recipients: 'Who may receive it',
  purpose: 'Why',
  expires: 'This consent ends',
  expiresOn: (date: string) => `on ${date}`,
  expiresAtEvent: (event: string) => `when this happens: ${event}`,
  revokeTitle: 'Your right to revoke',
  revokeHow: 'How to revoke',
  notConditionedTitle: 'Your choice',
  redisclosureTitle: 'After it is shared',
  signTitle: 'Sign',
  typedName: 'Your full name (typed)',
  typedNameHelp: 'Your typed full name is your signature.',
  drawTitle: 'Draw your signature (optional)',
  drawHelp:
    'You may also draw your signature in the box with a finger, pen or mouse. If you use a keyboard, you can leave the box empty: ' +
    'your typed name is enough.',
  drawLabel: 'Signature drawing area',
  clear: 'Clear the drawing',
  ackRevoke: 'I have read my right to revoke this consent and how to do it.',
  ackNotConditioned: 'I understand that my treatment does not depend on signing this form.',
  representative: 'I am signing for the patient as their representative',
  representativeName: 'Representative’s full name',
  representativeAuthority: 'Your authority to sign (for example: parent of a minor, legal guardian, health care proxy)',
  sign: 'Sign this consent',
  signing: 'Signing…',
  signedTitle: 'Signed',
  signedOn: (when: string) => `Signed on ${when}.`,
  signedBy: (name: string) => `Signed by ${name}`,
  forPatient: (name: string, authority: string) => `${name}, for the patient (${authority})`,
  print: 'Print this consent',
  thanks: 'Thank you. Your interventionist has the signed copy. You can print this page for yourself.',
  loading: 'Loading the form…',
  loadFailed: 'We could not open the form',
} as const;

/** A day as people read it (the form's dates are days, not times). */
export function dayWords(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** A moment (epoch ms) as people read it, in this device's time zone. */
export function momentWords(at: number): string {
  return new Date(at).toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' });
}
