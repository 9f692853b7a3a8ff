// The consent part of the "After a yes" tab (issue 11, section 3): the form's
// labels, each naming the §2.31 paragraph it answers, and the list's words.
// One module, so the markup holds little prose of its own.
export const CONSENT_FORM_WORDS = {
  title: 'Make a consent form',
  patientName: "The patient's name (§2.31(a)(1))",
  disclosingProgram: 'The program allowed to disclose: the facility (§2.31(a)(2))',
  information: 'What information, specifically (§2.31(a)(3))',
  informationExample: 'admission confirmation\nattendance\ndischarge date and plan',
  oneALine: '(one a line)',
  recipients: 'Who may receive it (§2.31(a)(4)): you and the family members, by name',
  recipientName: 'Name',
  relationship: 'Relationship to the patient',
  addRecipient: 'Add someone',
  purpose: 'The purpose (§2.31(a)(5))',
  expiresAt: 'When the consent ends (§2.31(a)(7))',
  endsOnEvent: 'On an event',
  endsOnDate: 'On a date',
  endEvent: 'The event',
  endEventExample: 'discharge from treatment',
  endDate: 'The date',
  revokeHow: 'How to revoke it, in writing (§2.31(a)(6))',
  revokeHint: 'Where the person sends a written revocation. The form states the right itself, and that a revocation cannot undo what was already disclosed.',
  signerAdds: 'The person signs (§2.31(a)(8)) and the date is added when they do (§2.31(a)(9)). The form also says that treatment does not depend on signing.',
  make: 'Make the form',
} as const;

export const CONSENT_LIST_WORDS = {
  linkTitle: 'The signing link',
  linkHint: 'Open it on this laptop, or let the person scan the code with a tablet. It works once, for 24 hours, and is not shown again.',
  openLink: 'Open the form to sign',
  qrLabel: 'A code for a tablet to open the consent form',
  listTitle: 'Consents for this case',
  none: 'No consent forms yet.',
  checkAgain: 'Check for signatures',
  made: 'made',
  signedBy: (name: string) => `signed by ${name}`,
  revokedOn: 'revoked on',
  revokeDate: 'Date the person revoked it',
  revoke: 'Record a revocation',
  confirmTitle: 'Record this revocation?',
  confirmLabel: 'Record it',
  confirmBody: 'The consent stops from that date; it cannot be undone here. What the program already disclosed in reliance on it stands.',
} as const;
