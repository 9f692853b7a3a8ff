// The console's words for names the shared vocabulary defines (stages, reasons, roles, levels of
// care, follow-ups, screening bases), from the case catalog (issue 15), so that a translation
// needs no code change. The English is the shared tables', word for word (tests/client/i18n-case.test.ts
// compares them); those stay where they are for what still reads them (the console's case list reads
// the stage names), and the server reads none of them.
import type { CommitmentStatus, FollowUpKind } from '../../../../shared/case/aftercare-vocabulary.js';
import type { CancelReason, CaseRole, CaseStage, LevelOfCare } from '../../../../shared/case/vocabulary.js';
import type { ScreeningResult } from '../../../../shared/screeners/catalog.js';
import { m } from '../../paraglide/messages.js';

/** Each stage of a case, as the stepper and the report name it. */
export const STAGE_LABELS: Record<CaseStage, string> = {
  get intake() { return m.case_stage_name_intake(); },
  get assessment() { return m.case_stage_name_assessment(); },
  get planning() { return m.case_stage_name_planning(); },
  get preparation() { return m.case_stage_name_preparation(); },
  get ready() { return m.case_stage_name_ready(); },
  get meeting() { return m.case_stage_name_meeting(); },
  get 'after-care'() { return m.case_stage_name_after_care(); },
  get 'follow-up'() { return m.case_stage_name_follow_up(); },
  get closed() { return m.case_stage_name_closed(); },
  get cancelled() { return m.case_stage_name_cancelled(); },
};

/** Why a case was called off, as the confirmation offers it. */
export const CANCEL_REASON_WORDS: Record<CancelReason, string> = {
  get 'declined-to-proceed'() { return m.case_cancel_reason_declined_to_proceed(); },
  get safety() { return m.case_cancel_reason_safety(); },
  get 'person-sought-help-first'() { return m.case_cancel_reason_person_sought_help_first(); },
  get unreachable() { return m.case_cancel_reason_unreachable(); },
  get other() { return m.case_cancel_reason_other(); },
};

/** What each role in the meeting means, for the Team tab. */
export const ROLE_WORDS: Record<CaseRole, string> = {
  get chair() { return m.case_role_meaning_chair(); },
  get closer() { return m.case_role_meaning_closer(); },
  get 'objection-responder'() { return m.case_role_meaning_objection_responder(); },
  get 'walk-out-follower'() { return m.case_role_meaning_walk_out_follower(); },
  get support() { return m.case_role_meaning_support(); },
};

/** Levels of care in plain labels (no placement logic). */
export const LEVEL_OF_CARE_LABELS: Record<LevelOfCare, string> = {
  get 'medically-managed-detox'() { return m.case_level_of_care_medically_managed_detox(); },
  get residential() { return m.case_level_of_care_residential(); },
  get 'partial-hospitalization'() { return m.case_level_of_care_partial_hospitalization(); },
  get 'intensive-outpatient'() { return m.case_level_of_care_intensive_outpatient(); },
  get outpatient() { return m.case_level_of_care_outpatient(); },
  get 'sober-living'() { return m.case_level_of_care_sober_living(); },
  get 'medication-for-opioid-use-disorder'() { return m.case_level_of_care_medication_for_opioid_use_disorder(); },
};

/** Whether a person kept their commitment after a no. */
export const COMMITMENT_STATUS_WORDS: Record<CommitmentStatus, string> = {
  get kept() { return m.case_commitment_status_kept(); },
  get 'not-yet'() { return m.case_commitment_status_not_yet(); },
  get changed() { return m.case_commitment_status_changed(); },
};

/** When a follow-up call falls, after the meeting. */
export const FOLLOW_UP_KIND_WORDS: Record<FollowUpKind, string> = {
  get '1-day'() { return m.case_follow_up_kind_1_day(); },
  get '3-days'() { return m.case_follow_up_kind_3_days(); },
  get '1-week'() { return m.case_follow_up_kind_1_week(); },
  get '2-weeks'() { return m.case_follow_up_kind_2_weeks(); },
  get '30-days'() { return m.case_follow_up_kind_30_days(); },
  get '60-days'() { return m.case_follow_up_kind_60_days(); },
  get '90-days'() { return m.case_follow_up_kind_90_days(); },
  get '6-months'() { return m.case_follow_up_kind_6_months(); },
  get '1-year'() { return m.case_follow_up_kind_1_year(); },
  get extra() { return m.case_follow_up_kind_extra(); },
};

/** Objections families often expect, offered as examples when preparing the answers. */
export function objectionExamples(): string[] {
  return [m.case_objection_example_1(), m.case_objection_example_2(), m.case_objection_example_3(), m.case_objection_example_4(), m.case_objection_example_5()];
}

/** Calm words beside a screening result: what kind of answer it is. */
export function basisWords(basis: ScreeningResult['basis']): string {
  return basis === 'informant-estimate' ? m.case_basis_informant_estimate() : m.case_basis_self_report();
}
