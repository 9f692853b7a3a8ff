// The words of the commitment section on the preparation page (issue 11, section 4), from the
// message catalogs (issue 15): calm, plain, no blame, in the page's language.
import type { CommitmentStatus } from '../../../shared/case/aftercare-vocabulary.js';
import type { Language } from '../../../shared/vocabulary.js';
import { m } from '../paraglide/messages.js';

type Message = (inputs?: Record<string, never>, options?: { locale?: Language }) => string;

/** The section's fixed words, each a message in the page's language (or `locale`, for the tests). */
export const COMMITMENT_WORDS = {
  title: m.commitment_title,
  /** Only when the meeting's log shows the bottom line was read; else `introUnshared`. */
  intro: m.commitment_intro,
  introUnshared: m.commitment_intro_unshared,
  statusLabel: m.commitment_status_label,
  checkInLabel: m.commitment_check_in_label,
  save: m.commitment_save,
  saved: m.commitment_saved,
  failed: m.commitment_failed,
  earlier: m.commitment_earlier,
} satisfies Record<string, Message>;

/** How each status reads as the person's own choice ("I am keeping it"). */
export const COMMITMENT_STATUS_CHOICES: Record<CommitmentStatus, Message> = {
  kept: m.commitment_status_kept,
  'not-yet': m.commitment_status_not_yet,
  changed: m.commitment_status_changed,
};
