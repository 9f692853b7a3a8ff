// Plain words for the audit log. The log keeps only ids, actions and command
// types; the names come from what the console already knows (the live view's
// members, the case, the meeting's links). The command table is typed by the
// protocol, so a new command cannot ship without its words.
import type { CommandType } from '../../../shared/protocol.js';

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
  'meeting.start': () => 'Started the meeting',
  'turns.begin': () => 'Began the letters',
  'turn.next': () => 'Called the next speaker',
  'turn.skip': () => 'Skipped the speaker',
  'turn.call': (person) => `Called ${person} to speak`,
  'order.set': () => 'Changed the speaking order',
  'turn.extend': () => 'Gave the speaker more time',
  'turn.done': () => 'Finished the turn',
  'pause.start': () => 'Paused the meeting',
  'pause.end': () => 'Resumed the meeting',
  'offer.present': () => 'Presented the offer of help',
  'offer.respond': () => 'Noted the response to the offer',
  'objection.raise': () => 'Raised an objection the family planned for',
  'objection.resolve': () => 'Marked an objection answered',
  'bottomLines.begin': () => 'Began the bottom lines',
  'meeting.end': () => 'Recorded the outcome',
  'meeting.close': () => 'Closed the meeting',
  'emergency.stop': () => 'Used the emergency stop',
  'lobby.admit': (person) => `Let ${person} in from the lobby`,
  'lobby.deny': (person) => `Turned ${person} away from the lobby`,
  'lobby.return': (person) => `Sent ${person} back to the lobby`,
  'lobby.lock': () => 'Locked the lobby',
  'meeting.callDetails': () => 'Set the call details',
  'lobby.unlock': () => 'Unlocked the lobby',
  'signals.clear': () => 'Cleared a signal',
  'participant.ready': () => 'Said they are ready',
  'signal.send': () => 'Sent a signal',
  'signal.withdraw': () => 'Took back a signal',
};

const SOMEONE = 'someone';

export function actorName(actor: RecordedEntry['actor'], lookup: Lookup): string {
  if (actor.role === 'facilitator') return (actor.id && lookup.staffName?.(actor.id)) || 'You';
  if (actor.role === 'display') return 'Room display';
  if (actor.role === 'participant') return (actor.id && lookup.personName(actor.id)) || 'Participant';
  return 'Someone';
}

type LinkFacts = { kind: string; participantId: string | null } | null;

/** "a link for Ann", "the room display link", "a new shared remote link". */
function linkWords(article: 'a' | 'a new' | 'the', link: LinkFacts, lookup: Lookup): string {
  const the = article === 'a' ? 'the' : article;
  if (link?.kind === 'display') return `${the} room display link`;
  if (link?.kind === 'remote') return `${the} shared remote link`;
  const person = (link?.participantId && lookup.personName(link.participantId)) || SOMEONE;
  return `${article} link for ${person}`;
}

export function describeEntry(entry: RecordedEntry, lookup: Lookup): string {
  const known = entry.subjectId ? lookup.link(entry.subjectId) : null;
  // The kind rides in the entry itself, so a link the console cannot see still reads right.
  const kind = typeof entry.detail?.kind === 'string' ? entry.detail.kind : null;
  const link: LinkFacts = known ?? (kind ? { kind, participantId: null } : null);
  switch (entry.action) {
    case 'meeting.created':
      // Issue 10, section 4: the record says a rehearsal was made, never a meeting.
      return entry.detail?.rehearsal === true ? 'Created the rehearsal' : 'Created the meeting';
    case 'link.issued':
      return link?.kind === 'guest' ? 'Joined through the shared remote link' : `Made ${linkWords('a', link, lookup)}`;
    case 'link.reissued':
      return `Made ${linkWords('a new', link, lookup)}`;
    case 'link.shown':
      return `Showed ${linkWords('the', link, lookup)} again`;
    case 'link.revoked':
      return link ? `Revoked ${linkWords('the', link, lookup)}` : 'Revoked a link';
    case 'report.letters':
      // Issue 11, section 6: reading everyone's letters in the report is on the record.
      return 'Opened the meeting report with the letters';
    case 'command':
      return commandWords(entry, lookup);
  }
  return `Something the record calls “${entry.action}”`;
}

function commandWords(entry: RecordedEntry, lookup: Lookup): string {
  const type = entry.detail?.type;
  if (typeof type !== 'string' || !Object.hasOwn(COMMAND_WORDS, type)) return 'Sent a command this console does not know';
  const person = (entry.subjectId && lookup.personName(entry.subjectId)) || SOMEONE;
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
