// The case file's words for the console, each table typed by the shared names
// so that a new item cannot ship without its words. Person-first and calm:
// "the loved one", "a person who uses substances"; never a word that shames.
import type {
  AttemptKind,
  Influence,
  ReadinessItem,
  SafetyFlagName,
  Substance,
  Suicidality,
  UsePattern,
} from '../../../../shared/case/vocabulary.js';
import { m } from '../../paraglide/messages.js';

export const READINESS_LABELS: Record<ReadinessItem, string> = {
  get 'approach-chosen'() { return m.case_readiness_approach_chosen(); },
  get 'team-of-at-least-3'() { return m.case_readiness_team_of_at_least_3(); },
  get 'chair-and-closer-assigned'() { return m.case_readiness_chair_and_closer_assigned(); },
  get 'walk-out-follower-assigned'() { return m.case_readiness_walk_out_follower_assigned(); },
  // The family preparation (issue 10).
  get 'family-educated'() { return m.case_readiness_family_educated(); },
  get 'letters-approved'() { return m.case_readiness_letters_approved(); },
  get 'bottom-lines-approved'() { return m.case_readiness_bottom_lines_approved(); },
  // Treatment logistics (issue 11).
  get 'treatment-place-confirmed'() { return m.case_readiness_treatment_place_confirmed(); },
  get 'backup-place-identified'() { return m.case_readiness_backup_place_identified(); },
  get 'transport-planned'() { return m.case_readiness_transport_planned(); },
  get 'safety-plan'() { return m.case_readiness_safety_plan(); },
  get 'medical-detox-planned'() { return m.case_readiness_medical_detox_planned(); },
  get 'naloxone-on-hand'() { return m.case_readiness_naloxone_on_hand(); },
  get 'crisis-plan'() { return m.case_readiness_crisis_plan(); },
  get 'medical-consult'() { return m.case_readiness_medical_consult(); },
};

export const FLAG_LABELS: Record<SafetyFlagName, string> = {
  get 'violence-risk'() { return m.case_flag_violence_risk(); },
  get 'withdrawal-risk'() { return m.case_flag_withdrawal_risk(); },
  get 'overdose-risk'() { return m.case_flag_overdose_risk(); },
  get 'self-harm'() { return m.case_flag_self_harm(); },
  get pregnancy() { return m.case_flag_pregnancy(); },
};

export const SUBSTANCE_LABELS: Record<Substance, string> = {
  get alcohol() { return m.case_substance_alcohol(); },
  get opioids() { return m.case_substance_opioids(); },
  get fentanyl() { return m.case_substance_fentanyl(); },
  get heroin() { return m.case_substance_heroin(); },
  get 'prescription-opioids'() { return m.case_substance_prescription_opioids(); },
  get benzodiazepines() { return m.case_substance_benzodiazepines(); },
  get stimulants() { return m.case_substance_stimulants(); },
  get methamphetamine() { return m.case_substance_methamphetamine(); },
  get cocaine() { return m.case_substance_cocaine(); },
  get cannabis() { return m.case_substance_cannabis(); },
  get sedatives() { return m.case_substance_sedatives(); },
  get hallucinogens() { return m.case_substance_hallucinogens(); },
  get inhalants() { return m.case_substance_inhalants(); },
  get gambling() { return m.case_substance_gambling(); },
  get other() { return m.case_substance_other(); },
};

export const PATTERN_LABELS: Record<UsePattern, string> = {
  get daily() { return m.case_pattern_daily(); },
  get 'several-times-a-week'() { return m.case_pattern_several_times_a_week(); },
  get weekly() { return m.case_pattern_weekly(); },
  get binges() { return m.case_pattern_binges(); },
  get occasional() { return m.case_pattern_occasional(); },
  get unknown() { return m.case_pattern_unknown(); },
};

export const ATTEMPT_LABELS: Record<AttemptKind, string> = {
  get detox() { return m.case_attempt_detox(); },
  get residential() { return m.case_attempt_residential(); },
  get outpatient() { return m.case_attempt_outpatient(); },
  get 'mutual-help'() { return m.case_attempt_mutual_help(); },
  get medication() { return m.case_attempt_medication(); },
  get other() { return m.case_attempt_other(); },
};

export const SUICIDALITY_LABELS: Record<Suicidality, string> = {
  get 'none-known'() { return m.case_suicidality_none_known(); },
  get 'past-thoughts'() { return m.case_suicidality_past_thoughts(); },
  get 'recent-thoughts'() { return m.case_suicidality_recent_thoughts(); },
  get 'past-attempt'() { return m.case_suicidality_past_attempt(); },
  get 'recent-attempt'() { return m.case_suicidality_recent_attempt(); },
};

export const INFLUENCE_LABELS: Record<Influence, string> = {
  get high() { return m.case_influence_high(); },
  get some() { return m.case_influence_some(); },
  get strained() { return m.case_influence_strained(); },
};

/** Screening bands in words ("moderately-severe" → "moderately severe"). */
export function bandWords(band: string): string {
  return band.replace(/-/g, ' ');
}
