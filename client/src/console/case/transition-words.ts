// The "After a yes" tab's words (issue 11, section 3), typed by the shared
// names so that a new status cannot ship without its label. One module, so the
// markup holds little prose of its own (the console's words move into catalogs later).
import type { ConsentStatus, FamilyNews } from './transition-api.js';

export const TRANSITION_WORDS = {
  notYet:
    'This part applies after a yes: once a meeting of this case ends with the outcome "accepted", ' +
    'you keep the journey into treatment here and offer the consent form.',
  checklistTitle: 'Into treatment',
  left: 'Left for treatment',
  arrived: 'Arrived at the facility',
  admitted: 'Admitted',
  arrivedNow: 'Arrived',
  whoWent: 'Who went with them',
  nobody: 'Nobody chosen',
  someoneElse: 'Someone else (type a name)',
  otherName: 'Their name',
  share: 'Share with the family',
  shareHint:
    'The relatives who joined from afar will see one calm line on their screen: "On the way" once they have left, ' +
    '"Admitted" once admitted. No time, no place, no names. Untick it to take the line away again.',
  save: 'Save the checklist',
  saved: (at: string) => `Saved at ${at}.`,
  // Calm, not a warning: nothing has happened yet when the tab first opens (a newcomer's trial read "Not saved yet." as one).
  notSaved: 'Nothing recorded yet: fill in each step as it happens, then save.',
  consentsTitle: 'Consent to share (42 CFR Part 2)',
  consentsHint:
    'Without the person\'s written consent, the treatment program may not even confirm that they arrived. ' +
    'Make the form here; they sign it on this laptop or on a tablet you hand them.',
} as const;

export const FAMILY_SEES: Record<FamilyNews | 'nothing', string> = {
  'on-the-way': 'The family sees: "On the way".',
  admitted: 'The family sees: "Admitted".',
  nothing: 'The family sees nothing about this.',
};

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  unsigned: 'Waiting to be signed',
  signed: 'Signed',
  revoked: 'Revoked',
  'link-expired': 'Not signed; the link has expired',
};
