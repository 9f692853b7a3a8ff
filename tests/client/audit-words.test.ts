// The activity record's words: every command the protocol knows reads as plain
// words, and the ids in the log become the names the console knows.
import { describe, expect, test } from 'vitest';
import { actorName, COMMAND_WORDS, describeEntry, entryTime, revisionOf, type Lookup, type RecordedEntry } from '../../client/src/lib/audit-words.js';
import { COMMAND_TYPES } from '../../shared/protocol.js';

const people: Record<string, string> = { ann: 'Ann', may: 'Aunt May' };
const links: Record<string, { kind: string; participantId: string | null }> = {
  'l-ann': { kind: 'participant', participantId: 'ann' },
  'l-may': { kind: 'guest', participantId: 'may' },
  'l-remote': { kind: 'remote', participantId: null },
  'l-display': { kind: 'display', participantId: null },
};
const lookup: Lookup = { personName: (id) => people[id] ?? null, link: (id) => links[id] ?? null };

const entry = (action: string, extra: Partial<RecordedEntry> = {}): RecordedEntry => ({
  actor: { role: 'facilitator', id: 'f1' },
  action,
  subjectId: null,
  detail: null,
  ...extra,
});
const command = (type: string, subjectId: string | null = null) => entry('command', { subjectId, detail: { type, revision: 7 } });

describe('command words', () => {
  // A command added to the protocol without words here would read as "a command this console does not know".
  test.each(COMMAND_TYPES)('%s has its own plain words', (type) => {
    expect(Object.hasOwn(COMMAND_WORDS, type), `no words for ${type}`).toBe(true);
    const words = describeEntry(command(type, 'ann'), lookup);
    expect(words).toMatch(/^[A-Z][a-z]/);
    expect(words).not.toContain(type);
    expect(words).not.toBe(describeEntry(command('no.such-command'), lookup));
  });

  test('no words are left over for a command the protocol no longer has', () => {
    expect(Object.keys(COMMAND_WORDS).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  test('a lobby decision names the person it was about', () => {
    expect(describeEntry(command('lobby.admit', 'may'), lookup)).toBe('Let Aunt May in from the lobby');
    expect(describeEntry(command('lobby.deny', 'may'), lookup)).toBe('Turned Aunt May away from the lobby');
    expect(describeEntry(command('turn.call', 'ann'), lookup)).toBe('Called Ann to speak');
    expect(describeEntry(command('lobby.admit', 'stranger'), lookup)).toBe('Let someone in from the lobby');
  });

  test('the revision is shown for commands only', () => {
    expect(revisionOf(command('turn.next'))).toBe(7);
    expect(revisionOf(entry('meeting.created'))).toBeNull();
  });
});

describe('links and the meeting', () => {
  test('links are named by whom they let in', () => {
    expect(describeEntry(entry('meeting.created'), lookup)).toBe('Created the meeting');
    expect(describeEntry(entry('link.issued', { subjectId: 'l-ann', detail: { kind: 'participant' } }), lookup)).toBe('Made a link for Ann');
    expect(describeEntry(entry('link.issued', { subjectId: 'l-display', detail: { kind: 'display' } }), lookup)).toBe('Made the room display link');
    expect(describeEntry(entry('link.reissued', { subjectId: 'l-ann', detail: { kind: 'participant' } }), lookup)).toBe('Made a new link for Ann');
    expect(describeEntry(entry('link.revoked', { subjectId: 'l-remote' }), lookup)).toBe('Revoked the shared remote link');
  });

  test('a guest joining through the shared link, and a link the console cannot see', () => {
    const joined = entry('link.issued', { actor: { role: 'participant', id: 'may' }, subjectId: 'l-may', detail: { kind: 'guest' } });
    expect(describeEntry(joined, lookup)).toBe('Joined through the shared remote link');
    expect(describeEntry(entry('link.revoked', { subjectId: 'gone' }), lookup)).toBe('Revoked a link');
    expect(describeEntry(entry('link.reissued', { subjectId: 'gone', detail: { kind: 'display' } }), lookup)).toBe('Made a new room display link');
  });

  test('issue 11, section 6: opening the report with the letters reads as that, not as an unknown action', () => {
    expect(describeEntry(entry('report.letters'), lookup)).toBe('Opened the meeting report with the letters');
  });
});

describe('who', () => {
  test('you, a participant by name, the room display', () => {
    expect(actorName({ role: 'facilitator', id: 'f1' }, lookup)).toBe('You');
    expect(actorName({ role: 'participant', id: 'may' }, lookup)).toBe('Aunt May');
    expect(actorName({ role: 'participant', id: 'unknown' }, lookup)).toBe('Participant');
    expect(actorName({ role: 'display', id: 'l-display' }, lookup)).toBe('Room display');
  });
});

describe('time', () => {
  test('the date is shown once a day, then only the time with seconds', () => {
    const first = new Date(2025, 5, 3, 14, 2, 31).getTime();
    const later = first + 65_000;
    const nextDay = first + 24 * 3600_000;
    expect(entryTime(later, first)).toMatch(/\b(14|0?2):03:36\b/);
    expect(entryTime(later, first)).not.toContain(',');
    expect(entryTime(first, null)).toContain(',');
    expect(entryTime(nextDay, later)).toContain(',');
  });
});
