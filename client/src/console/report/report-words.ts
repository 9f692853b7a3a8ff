// The meeting report's words: each timeline entry in a sentence, and lengths
// in minutes and seconds. One module, so that the page's markup holds no prose
// of its own (the console's words move into catalogs later).
import type { ConsentStatus } from '../../../../shared/case/consent-terms.js';
import { m } from '../../paraglide/messages.js';
import type { TimelineEntry } from '../../../../shared/meeting/report.js';
import type { CaseStage } from '../../../../shared/case/vocabulary.js';
import { STAGE_LABELS } from '../case/vocabulary-words.js';
import { OUTCOME_LABELS, PAUSE_REASONS, PHASE_LABELS, RESPONSE_LABELS } from '../../lib/words.js';

export const REPORT_WORDS = {
  get title() { return m.report_title(); },
  get rehearsal() { return m.report_rehearsal(); },
  get includeLetters() { return m.report_include_letters(); },
  get includeLettersHint() { return m.report_include_letters_hint(); },
  get print() { return m.report_print(); },
  get loading() { return m.report_loading(); },
  get summary() { return m.report_summary(); },
  get timeline() { return m.report_timeline(); },
  get speaking() { return m.report_speaking(); },
  get letters() { return m.report_letters(); },
  get noTimeline() { return m.report_no_timeline(); },
  get noSpeaking() { return m.report_no_speaking(); },
  get noLetters() { return m.report_no_letters(); },
  get letter() { return m.report_letter(); },
  get bottomLine() { return m.report_bottom_line(); },
  get time() { return m.report_time(); },
  get what() { return m.report_what(); },
  get length() { return m.report_length(); },
  get person() { return m.report_person(); },
  get turns() { return m.report_turns(); },
  get meetingLength() { return m.report_meeting_length(); },
  get paused() { return m.report_paused(); },
  get offers() { return m.report_offers(); },
  get outcome() { return m.report_outcome(); },
  get afterCare() { return m.report_after_care(); },
  get notYet() { return m.report_not_yet(); },
  get generated() { return m.report_generated(); },
  get guest() { return m.report_guest(); },
  forWhom: (name: string) => m.report_for_whom({ name }),
  get transition() { return m.report_transition(); },
  get left() { return m.report_left(); },
  get arrived() { return m.report_arrived(); },
  get admitted() { return m.report_admitted(); },
  get accompaniedBy() { return m.report_accompanied_by(); },
  get nobody() { return m.report_nobody(); },
  get notYetTime() { return m.report_not_yet_time(); },
  get shared() { return m.report_shared(); },
  get sharedYes() { return m.report_shared_yes(); },
  get sharedNo() { return m.report_shared_no(); },
  get consents() { return m.report_consents(); },
  get noConsents() { return m.report_no_consents(); },
  get consentMade() { return m.report_consent_made(); },
  get consentStatus() { return m.report_consent_status(); },
  get consentSigned() { return m.report_consent_signed(); },
  get consentRevoked() { return m.report_consent_revoked(); },
} as const;

/** A consent's status in the report's words, typed by the shared names. */
export const CONSENT_STATUS_WORDS: Record<ConsentStatus, string> = {
  get unsigned() { return m.report_consent_status_unsigned(); },
  get signed() { return m.report_consent_status_signed(); },
  get revoked() { return m.report_consent_status_revoked(); },
  get 'link-expired'() { return m.report_consent_status_link_expired(); },
};

/** "1 min 10 s", "45 s", "2 h 5 min": a length in whole seconds, short enough for a table cell. */
export function lengthWords(seconds: number): string {
  if (seconds < 60) return m.report_length_seconds({ seconds });
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (hours > 0) return minutes ? m.report_length_hours_minutes({ hours, minutes }) : m.report_length_hours({ hours });
  return s ? m.report_length_minutes_seconds({ minutes, seconds: s }) : m.report_length_minutes({ minutes });
}

/** A person's name, marked as a guest where they came through the shared link. */
export function personWords(p: { name: string; guest: boolean }): string {
  return p.guest ? m.report_person_guest({ name: p.name }) : p.name;
}

/** What happened, in a sentence; the length (turns and pauses) goes in its own column. */
export function entryWords(e: TimelineEntry): string {
  switch (e.kind) {
    case 'start':
      return m.report_entry_start();
    case 'turn': {
      const name = personWords(e);
      const read = e.round === 'letters' ? m.report_entry_read_letter({ name }) : m.report_entry_read_bottom_line({ name });
      const how = e.status === 'skipped' ? m.report_entry_skipped({ read })
        : e.status === 'speaking' ? m.report_entry_still_speaking({ read })
          : e.status === 'interrupted' ? m.report_entry_interrupted({ read }) : read;
      return how;
    }
    case 'pause': {
      const words = { phase: PHASE_LABELS[e.phase].toLowerCase(), reason: PAUSE_REASONS[e.reason] };
      return e.endedAt === null ? m.report_entry_still_paused(words) : m.report_entry_paused(words);
    }
    case 'objection':
    {
      const raised = e.words ? m.report_entry_objection_words({ words: e.words }) : m.report_entry_objection();
      const who = e.responder ? personWords(e.responder) : null;
      if (!who) return raised;
      return e.answeredAt === null ? m.report_entry_objection_to_answer({ raised, name: who }) : m.report_entry_objection_answered({ raised, name: who });
    }
    case 'offer':
      return e.override ? m.report_entry_offer_override({ number: e.number, reason: e.override }) : m.report_entry_offer({ number: e.number });
    case 'response':
      return withNote(m.report_entry_response({ response: RESPONSE_LABELS[e.response] }), e.note);
    case 'bottom-lines':
      return m.report_entry_bottom_lines();
    case 'outcome': {
      const outcome = m.report_entry_outcome({ outcome: OUTCOME_LABELS[e.outcome] });
      return withNote(e.decideBy ? m.report_entry_deciding_by({ outcome, date: e.decideBy }) : outcome, e.note);
    }
    case 'closed':
      return m.report_entry_closed();
  }
}

/** `words`, followed by the interventionist's note when there is one. */
function withNote(words: string, note: string | null): string {
  return note ? m.report_entry_note({ words, note }) : words;
}

/** The case's stage in the console's words. */
export function stageWords(stage: CaseStage): string {
  return STAGE_LABELS[stage];
}

/** A time of day with seconds, and the date for the report's heading. */
export function timeWords(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });
}

export function dateWords(at: number): string {
  return new Date(at).toLocaleString([], { dateStyle: 'long', timeStyle: 'short' });
}
