// Issue 10, section 4: the words a rehearsal is shown in on the console (reading times, the activity record).
import { describe, expect, it } from 'vitest';
import { formatSeconds, readingComparison } from '../../client/src/console/live/reading-words.js';
import { describeEntry, type RecordedEntry } from '../../client/src/lib/audit-words.js';

describe('reading times in words (issue 10, section 4)', () => {
  it('case 9: seconds read as minutes and seconds, under a minute as seconds', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(60)).toBe('1 min 00 s');
    expect(formatSeconds(125)).toBe('2 min 05 s');
  });

  it('case 10: the comparison says longer or shorter beyond 15 seconds, and names what is missing', () => {
    expect(readingComparison(120, 135)).toBe('About as estimated');
    expect(readingComparison(120, 105)).toBe('About as estimated');
    expect(readingComparison(120, 190)).toBe('1 min 10 s longer');
    expect(readingComparison(120, 90)).toBe('30 s shorter');
    expect(readingComparison(120, null)).toBe('Not read');
    expect(readingComparison(null, 90)).toBe('No letter to estimate');
  });
});

describe('the activity record of a rehearsal (issue 10, section 4)', () => {
  it('case 11: its creation reads "Created the rehearsal"; a meeting\'s still "Created the meeting"', () => {
    const entry = (detail: RecordedEntry['detail']): RecordedEntry =>
      ({ actor: { role: 'facilitator', id: 'f-1' }, action: 'meeting.created', subjectId: 'c-1', detail });
    const lookup = { personName: () => null, link: () => null };
    expect(describeEntry(entry({ rehearsal: true }), lookup)).toBe('Created the rehearsal');
    expect(describeEntry(entry(null), lookup)).toBe('Created the meeting');
  });
});
