// The meeting report's words: each timeline entry in a sentence, and lengths
// in minutes and seconds. One module, so that the page's markup holds no prose
// of its own (the console's words move into catalogs later).
import type { ConsentStatus } from '../../../../shared/case/consent-terms.js';
import type { TimelineEntry } from '../../../../shared/meeting/report.js';
import { STAGE_LABELS, type CaseStage } from '../../../../shared/case/vocabulary.js';
import { OUTCOME_LABELS, PAUSE_REASONS, PHASE_LABELS, RESPONSE_LABELS } from '../../lib/words.js';

export const REPORT_WORDS = {
  title: 'Meeting report',
  rehearsal: 'This was a rehearsal: practice, not the case’s meeting.',
  includeLetters: 'Include letters and bottom lines',
  includeLettersHint: 'They are health data: tick this only for a copy that stays with you. Opening them is recorded.',
  print: 'Print or save as PDF',
  loading: 'Loading the report…',
  summary: 'Summary',
  timeline: 'Timeline',
  speaking: 'Speaking time',
  letters: 'Letters and bottom lines',
  noTimeline: 'The meeting has not started yet, so there is nothing to report.',
  noSpeaking: 'Nobody has had the floor yet.',
  noLetters: 'Nobody in this meeting has a letter or bottom line.',
  letter: 'Letter',
  bottomLine: 'Bottom line',
  time: 'Time',
  what: 'What happened',
  length: 'Length',
  person: 'Person',
  turns: 'Turns',
  meetingLength: 'Meeting length',
  paused: 'Time paused',
  offers: 'Offers made',
  outcome: 'Outcome',
  afterCare: 'Case stage now',
  notYet: 'Not recorded yet',
  generated: 'Made',
  guest: '(guest)',
  forWhom: (name: string) => `For ${name}`,
  transition: 'Into treatment',
  left: 'Left for treatment',
  arrived: 'Arrived',
  admitted: 'Admitted',
  accompaniedBy: 'Went with them',
  nobody: 'Nobody recorded',
  notYetTime: 'Not yet',
  shared: 'Shared with the family',
  sharedYes: 'Yes: "On the way" or "Admitted" only',
  sharedNo: 'No',
  consents: 'Consents to share (42 CFR Part 2)',
  noConsents: 'No consent forms.',
  consentMade: 'Made',
  consentStatus: 'Status',
  consentSigned: 'Signed',
  consentRevoked: 'Revoked',
} as const;

/** A consent's status in the report's words, typed by the shared names. */
export const CONSENT_STATUS_WORDS: Record<ConsentStatus, string> = {
  unsigned: 'Waiting to be signed',
  signed: 'Signed',
  revoked: 'Revoked',
  'link-expired': 'Not signed; the link expired',
};

/** "1 min 10 s", "45 s", "2 h 5 min": a length in whole seconds, short enough for a table cell. */
export function lengthWords(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h${min ? ` ${min} min` : ''}`;
  return `${min} min${s ? ` ${s} s` : ''}`;
}

/** A person's name, marked as a guest where they came through the shared link. */
export function personWords(p: { name: string; guest: boolean }): string {
  return p.guest ? `${p.name} ${REPORT_WORDS.guest}` : p.name;
}

/** What happened, in a sentence; the length (turns and pauses) goes in its own column. */
export function entryWords(e: TimelineEntry): string {
  switch (e.kind) {
    case 'start':
      return 'The meeting started';
    case 'turn': {
      const what = e.round === 'letters' ? 'read their letter' : 'read their bottom line';
      const how = e.status === 'skipped' ? ' (skipped)' : e.status === 'speaking' ? ' (still speaking)' : e.status === 'interrupted' ? ' (the agenda moved on)' : '';
      return `${personWords(e)} ${what}${how}`;
    }
    case 'pause':
      return `Paused during ${PHASE_LABELS[e.phase].toLowerCase()}: ${PAUSE_REASONS[e.reason]}${e.endedAt === null ? ' (still paused)' : ''}`;
    case 'objection':
    {
      const raised = e.words ? `Objection raised: “${e.words}”` : 'An objection was raised';
      const who = e.responder ? personWords(e.responder) : null;
      return who ? `${raised}; ${who} ${e.answeredAt === null ? 'was to answer it' : 'answered it'}` : raised;
    }
    case 'offer':
      return e.override ? `Offer ${e.number} made without a confirmed place. Reason: ${e.override}` : `Offer ${e.number} made`;
    case 'response':
      return `Answer: ${RESPONSE_LABELS[e.response]}${e.note ? `. Note: ${e.note}` : ''}`;
    case 'bottom-lines':
      return 'Bottom lines began';
    case 'outcome': {
      const by = e.decideBy ? `, deciding by ${e.decideBy}` : '';
      return `Outcome: ${OUTCOME_LABELS[e.outcome]}${by}${e.note ? `. Note: ${e.note}` : ''}`;
    }
    case 'closed':
      return 'The meeting was closed';
  }
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
