// The "After a yes" tab's words (issue 11, section 3), typed by the shared
// names so that a new status cannot ship without its label. One module, so the
// markup holds little prose of its own (the console's words move into catalogs later).
import type { ConsentStatus, FamilyNews } from './transition-api.js';
import { m } from '../../paraglide/messages.js';

export const TRANSITION_WORDS = {
  get notYet() { return m.case_transition_not_yet(); },
  get checklistTitle() { return m.case_transition_checklist_title(); },
  get left() { return m.case_transition_left(); },
  get arrived() { return m.case_transition_arrived(); },
  get admitted() { return m.case_transition_admitted(); },
  get arrivedNow() { return m.case_transition_arrived_now(); },
  get whoWent() { return m.case_transition_who_went(); },
  get nobody() { return m.case_transition_nobody(); },
  get someoneElse() { return m.case_transition_someone_else(); },
  get otherName() { return m.case_transition_other_name(); },
  get share() { return m.case_transition_share(); },
  get shareHint() { return m.case_transition_share_hint(); },
  get save() { return m.case_transition_save(); },
  saved: (at: string) => m.case_transition_saved({ at }),
  // Calm, not a warning: nothing has happened yet when the tab first opens (a newcomer's trial read "Not saved yet." as one).
  get notSaved() { return m.case_transition_not_saved(); },
  get consentsTitle() { return m.case_transition_consents_title(); },
  get consentsHint() { return m.case_transition_consents_hint(); },
} as const;

export const FAMILY_SEES: Record<FamilyNews | 'nothing', string> = {
  get 'on-the-way'() { return m.case_family_sees_on_the_way(); },
  get admitted() { return m.case_family_sees_admitted(); },
  get nothing() { return m.case_family_sees_nothing(); },
};

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  get unsigned() { return m.case_consent_status_unsigned(); },
  get signed() { return m.case_consent_status_signed(); },
  get revoked() { return m.case_consent_status_revoked(); },
  get 'link-expired'() { return m.case_consent_status_link_expired(); },
};
