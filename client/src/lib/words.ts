// The words people see for the protocol's names. Each table is typed by the
// shared names, so a new phase or reason cannot ship without its words.
import type { Approach } from '../../../shared/approaches.js';
import type { Phase } from '../../../shared/meeting/context.js';
import type { Presence } from '../../../shared/meeting/view.js';
import type { OfferResponse, Outcome, PauseReason } from '../../../shared/protocol.js';
import { m } from '../paraglide/messages.js';

export const PHASE_LABELS: Record<Phase, string> = {
  gathering: 'Gathering',
  opening: 'Opening',
  speaking: 'Letters',
  offer: 'The offer',
  'bottom-lines': 'Bottom lines',
  paused: 'Paused',
  outcome: 'Outcome',
  closed: 'Closed',
};

/** What each phase means for someone in the room, in a sentence. */
export const PHASE_DESCRIPTIONS: Record<Phase, string> = {
  gathering: 'Everyone is arriving. Take your time to settle in.',
  opening: 'The interventionist is opening the meeting.',
  speaking: 'Family and friends are sharing their letters, one at a time.',
  offer: 'The offer of help is being made.',
  'bottom-lines': 'Family and friends are sharing what will change from now on.',
  paused: 'We are taking a short pause.',
  outcome: 'The meeting is coming to an end.',
  closed: 'The meeting has ended. Thank you for being here.',
};

export const PAUSE_REASONS: Record<PauseReason, string> = {
  outburst: 'Emotions running high',
  conflict: 'Conflict in the room',
  'left-room': 'Someone left the room',
  'needs-a-moment': 'Someone needs a moment',
  other: 'Other reason',
};

export const RESPONSE_LABELS: Record<OfferResponse, string> = {
  accepted: 'Accepted',
  conditional: 'Conditional',
  declined: 'Declined',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  accepted: 'Accepted help',
  declined: 'Declined for now',
  deferred: 'Will decide by a date',
  'walked-out': 'Left the meeting',
  'safety-stop': 'Stopped for safety',
};

export const PRESENCE_LABELS: Record<Presence, string> = {
  connected: 'Connected',
  away: 'Reconnecting',
  // The reconnect grace has passed (PRESENCE_GRACE_SECONDS): the tablet was closed or lost.
  left: 'Not connected',
  // After a restart the server cannot tell who had joined before it: say only what it knows.
  'not-back': 'Not seen since the restart',
  'never-joined': 'Not joined yet',
};

export const APPROACH_LABELS: Record<Approach, string> = {
  johnson: 'Johnson',
  'love-first': 'Love First',
  invitational: 'Invitational',
  arise: 'ARISE',
  systemic: 'Systemic',
};

/** The phases of the agenda in order, as a stepper shows them. */
export function agendaSteps(usesBottomLines: boolean): Phase[] {
  const steps: Phase[] = ['gathering', 'opening', 'speaking', 'offer'];
  if (usesBottomLines) steps.push('bottom-lines');
  steps.push('outcome', 'closed');
  return steps;
}

/**
 * A person's name as every screen shows it: a guest (someone who came in through the shared remote
 * link) is marked as one, so that a guest "Ann" is never taken for the planned Ann (issue 12, case 3).
 */
export function shownName(person: { name: string; guest: boolean }): string {
  return person.guest ? m.guest_name({ name: person.name }) : person.name;
}

/**
 * A phase's name and its sentence in the page's language (issue 15), for the family's screens and
 * the stepper; the console's own tables above stay English until its strings move to the catalogs.
 */
export const PHASE_WORDS: Record<Phase, { label: () => string; about: () => string }> = {
  gathering: { label: m.phase_gathering, about: m.phase_about_gathering },
  opening: { label: m.phase_opening, about: m.phase_about_opening },
  speaking: { label: m.phase_speaking, about: m.phase_about_speaking },
  offer: { label: m.phase_offer, about: m.phase_about_offer },
  'bottom-lines': { label: m.phase_bottom_lines, about: m.phase_about_bottom_lines },
  paused: { label: m.phase_paused, about: m.phase_about_paused },
  outcome: { label: m.phase_outcome, about: m.phase_about_outcome },
  closed: { label: m.phase_closed, about: m.phase_about_closed },
};
