// Plain words for the audit log. The log keeps only ids, actions and command
// types; the names come from what the console already knows (the live view's
// members, the case, the meeting's links). The command table is typed by the
// protocol, so a new command cannot ship without its words.
// The words come from the console's catalog (issue 15).
import type { CommandType } from '../../../shared/protocol.js';
import { m } from '../paraglide/messages.js';

/** One entry as `GET /api/meetings/:meetingId/audit` returns it, minus its number and time. */
export interface RecordedEntry {
  actor: { role: string; id: string | null };
  action: string;
  subjectId: string | null;
  detail: Record<string, string | number | boolean | null> | null;
}

/** What the console can tell about the ids in an entry; null when it does not know. */
export interface Lookup {
  personName(participantId: string): string | null;
  /** A facilitator account's name, or 'You' for the one reading (issue 16: a co-facilitator's commands are theirs). */
  staffName?(accountId: string): string | null;
  link(linkId: string): { kind: string; participantId: string | null } | null;
}

/** `person` is the name of whom a lobby decision or a call was about, or a stand-in. */
export const COMMAND_WORDS: Record<CommandType, (person: string) => string> = {
  'meeting.start': () => m.console_audit_meeting_start(),
  'turns.begin': () => m.console_audit_turns_begin(),
  'turn.next': () => m.console_audit_turn_next(),
  'turn.skip': () => m.console_audit_turn_skip(),
  'turn.call': (person) => m.console_audit_turn_call({ person }),
  'order.set': () => m.console_audit_order_set(),
  'turn.extend': () => m.console_audit_turn_extend(),
  'turn.done': () => m.console_audit_turn_done(),
  'pause.start': () => m.console_audit_pause_start(),
  'pause.end': () => m.console_audit_pause_end(),
  'offer.present': () => m.console_audit_offer_present(),
  'offer.respond': () => m.console_audit_offer_respond(),
  'objection.raise': () => m.console_audit_objection_raise(),
  'objection.resolve': () => m.console_audit_objection_resolve(),
  'bottomLines.begin': () => m.console_audit_bottom_lines_begin(),
  'meeting.end': () => m.console_audit_meeting_end(),
  'meeting.close': () => m.console_audit_meeting_close(),
  'emergency.stop': () => m.console_audit_emergency_stop(),
  'lobby.admit': (person) => m.console_audit_lobby_admit({ person }),
  'lobby.deny': (person) => m.console_audit_lobby_deny({ person }),
  'lobby.return': (person) => m.console_audit_lobby_return({ person }),
  'lobby.lock': () => m.console_audit_lobby_lock(),
  'meeting.callDetails': () => m.console_audit_call_details(),
  'lobby.unlock': () => m.console_audit_lobby_unlock(),
  'signals.clear': () => m.console_audit_signals_clear(),
  'participant.ready': () => m.console_audit_participant_ready(),
  'signal.send': () => m.console_audit_signal_send(),
  'signal.withdraw': () => m.console_audit_signal_withdraw(),
};

export function actorName(actor: RecordedEntry['actor'], lookup: Lookup): string {
  if (actor.role === 'facilitator') return (actor.id && lookup.staffName?.(actor.id)) || m.console_audit_actor_you();
  if (actor.role === 'display') return m.console_audit_actor_display();
  if (actor.role === 'participant') return (actor.id && lookup.personName(actor.id)) || m.console_audit_actor_participant();
  return m.console_audit_actor_someone();
}

type LinkFacts = { kind: string; participantId: string | null } | null;

/** One sentence about a link, whole in the catalog so each language builds it its own way. */
interface LinkSentence {
  display: () => string;
  remote: () => string;
  person: (inputs: { person: string }) => string;
}

const MADE: LinkSentence = { display: m.console_audit_issued_display, remote: m.console_audit_issued_remote, person: m.console_audit_issued_person };
const MADE_NEW: LinkSentence = { display: m.console_audit_reissued_display, remote: m.console_audit_reissued_remote, person: m.console_audit_reissued_person };
const SHOWN: LinkSentence = { display: m.console_audit_shown_display, remote: m.console_audit_shown_remote, person: m.console_audit_shown_person };
const REVOKED: LinkSentence = { display: m.console_audit_revoked_display, remote: m.console_audit_revoked_remote, person: m.console_audit_revoked_person };

/** "Made a link for Ann", "Showed the room display link again": `sentence` for the link's kind. */
function aboutLink(sentence: LinkSentence, link: LinkFacts, lookup: Lookup): string {
  if (link?.kind === 'display') return sentence.display();
  if (link?.kind === 'remote') return sentence.remote();
  const person = (link?.participantId && lookup.personName(link.participantId)) || m.console_audit_someone();
  return sentence.person({ person });
}

export function describeEntry(entry: RecordedEntry, lookup: Lookup): string {
  const known = entry.subjectId ? lookup.link(entry.subjectId) : null;
  // The kind rides in the entry itself, so a link the console cannot see still reads right.
  const kind = typeof entry.detail?.kind === 'string' ? entry.detail.kind : null;
  const link: LinkFacts = known ?? (kind ? { kind, participantId: null } : null);
  switch (entry.action) {
    case 'meeting.created':
      // Issue 10, section 4: the record says a rehearsal was made, never a meeting.
      return entry.detail?.rehearsal === true ? m.console_audit_created_rehearsal() : m.console_audit_created_meeting();
    case 'link.issued':
      return link?.kind === 'guest' ? m.console_audit_guest_joined() : aboutLink(MADE, link, lookup);
    case 'link.reissued':
      return aboutLink(MADE_NEW, link, lookup);
    case 'link.shown':
      return aboutLink(SHOWN, link, lookup);
    case 'link.revoked':
      return link ? aboutLink(REVOKED, link, lookup) : m.console_audit_revoked_unknown();
    case 'report.letters':
      // Issue 11, section 6: reading everyone's letters in the report is on the record.
      return m.console_audit_report_letters();
    case 'command':
      return commandWords(entry, lookup);
  }
  return m.console_audit_unknown_action({ action: entry.action });
}

function commandWords(entry: RecordedEntry, lookup: Lookup): string {
  const type = entry.detail?.type;
  if (typeof type !== 'string' || !Object.hasOwn(COMMAND_WORDS, type)) return m.console_audit_unknown_command();
  const person = (entry.subjectId && lookup.personName(entry.subjectId)) || m.console_audit_someone();
  return COMMAND_WORDS[type as CommandType](person);
}

/** The revision a command was applied at, or null for anything else. */
export function revisionOf(entry: RecordedEntry): number | null {
  return entry.action === 'command' && typeof entry.detail?.revision === 'number' ? entry.detail.revision : null;
}

/** The local time with seconds, and the date too when the day differs from the entry before. */
export function entryTime(at: number, previousAt: number | null): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });
  if (previousAt !== null && new Date(previousAt).toDateString() === date.toDateString()) return time;
  return `${date.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`;
}
