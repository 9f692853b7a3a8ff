// The consent part of the "After a yes" tab (issue 11, section 3): the form's
// labels, each naming the §2.31 paragraph it answers, and the list's words.
// One module, so the markup holds little prose of its own.
import { m } from '../../paraglide/messages.js';

export const CONSENT_FORM_WORDS = {
  get title() { return m.case_consent_form_title(); },
  get patientName() { return m.case_consent_form_patient_name(); },
  get disclosingProgram() { return m.case_consent_form_disclosing_program(); },
  get information() { return m.case_consent_form_information(); },
  get informationExample() { return m.case_consent_form_information_example(); },
  get oneALine() { return m.case_consent_form_one_a_line(); },
  get recipients() { return m.case_consent_form_recipients(); },
  get recipientName() { return m.case_consent_form_recipient_name(); },
  get relationship() { return m.case_consent_form_relationship(); },
  get addRecipient() { return m.case_consent_form_add_recipient(); },
  get purpose() { return m.case_consent_form_purpose(); },
  get expiresAt() { return m.case_consent_form_expires_at(); },
  get endsOnEvent() { return m.case_consent_form_ends_on_event(); },
  get endsOnDate() { return m.case_consent_form_ends_on_date(); },
  get endEvent() { return m.case_consent_form_end_event(); },
  get endEventExample() { return m.case_consent_form_end_event_example(); },
  get endDate() { return m.case_consent_form_end_date(); },
  get revokeHow() { return m.case_consent_form_revoke_how(); },
  get revokeHint() { return m.case_consent_form_revoke_hint(); },
  get signerAdds() { return m.case_consent_form_signer_adds(); },
  get make() { return m.case_consent_form_make(); },
} as const;

export const CONSENT_LIST_WORDS = {
  get linkTitle() { return m.case_consent_list_link_title(); },
  get linkHint() { return m.case_consent_list_link_hint(); },
  get openLink() { return m.case_consent_list_open_link(); },
  get qrLabel() { return m.case_consent_list_qr_label(); },
  get listTitle() { return m.case_consent_list_list_title(); },
  get none() { return m.case_consent_list_none(); },
  get checkAgain() { return m.case_consent_list_check_again(); },
  get made() { return m.case_consent_list_made(); },
  signedBy: (name: string) => m.case_consent_list_signed_by({ name }),
  get revokedOn() { return m.case_consent_list_revoked_on(); },
  get revokeDate() { return m.case_consent_list_revoke_date(); },
  get revoke() { return m.case_consent_list_revoke(); },
  get confirmTitle() { return m.case_consent_list_confirm_title(); },
  get confirmLabel() { return m.case_consent_list_confirm_label(); },
  get confirmBody() { return m.case_consent_list_confirm_body(); },
} as const;
