// The words of the commitment section on the preparation page (issue 11,
// section 4), in one place so that they move into the message catalogs in one
// step. Family-facing: calm, plain, no blame.
import type { CommitmentStatus } from '../../../shared/case/aftercare-vocabulary.js';

export const COMMITMENT_WORDS = {
  title: 'What you said you would do',
  intro: 'At the meeting you shared a bottom line. This is it, as your commitment. Come back to note how it is going: only you and your interventionist see this.',
  statusLabel: 'How is it going?',
  checkInLabel: 'A note for your interventionist (optional)',
  save: 'Save',
  saved: 'Saved. Thank you.',
  failed: 'That did not save. Please try again.',
  earlier: 'Your earlier notes',
} as const;

export const COMMITMENT_STATUS_CHOICES: Record<CommitmentStatus, string> = {
  kept: 'I am keeping it',
  'not-yet': 'Not yet',
  changed: 'It has changed',
};
