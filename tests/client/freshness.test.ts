// What a screen shows: never a view older than one the server already
// acknowledged, and a short message for each refused command.
import { describe, expect, test } from 'vitest';
import { isFresh, NO_ANSWER_MESSAGE, noticeFor, STALE_MESSAGE } from '../../client/src/lib/freshness.js';
import { tokenFromHash } from '../../client/src/lib/links.js';

describe('view freshness', () => {
  const shown = { meetingId: 'm1', revision: 7 };
  test('the first view is always shown', () => expect(isFresh(null, shown)).toBe(true));
  test('a newer revision replaces the view', () => expect(isFresh(shown, { meetingId: 'm1', revision: 8 })).toBe(true));
  test('the same revision (a presence change) replaces it too', () => expect(isFresh(shown, { meetingId: 'm1', revision: 7 })).toBe(true));
  test('an older revision is ignored', () => expect(isFresh(shown, { meetingId: 'm1', revision: 6 })).toBe(false));
  test('another meeting is never compared by revision', () => expect(isFresh(shown, { meetingId: 'm2', revision: 0 })).toBe(true));
  // Issue 12, case 8: a lobby view's revision is always 0, so that it tells a waiting person nothing;
  // someone sent back to the lobby must still see the lobby, not the meeting they were shown before.
  test('a lobby view is always shown, whatever its revision', () => {
    expect(isFresh(shown, { meetingId: 'm1', revision: 0, lobby: 'waiting' })).toBe(true);
    expect(isFresh(shown, { meetingId: 'm1', revision: 0, lobby: 'denied' })).toBe(true);
    expect(isFresh(shown, { meetingId: 'm1', revision: 0, lobby: null })).toBe(false);
  });
});

describe('notices after a command', () => {
  test('an accepted command clears the notice', () => expect(noticeFor({ ok: true, revision: 3 })).toBeNull());
  test('a stale command says the meeting moved on', () => {
    expect(noticeFor({ ok: false, error: { code: 'STALE', message: 'revision 4' }, revision: 4 })).toBe(STALE_MESSAGE);
  });
  test('other refusals pass on the server’s words', () => {
    expect(noticeFor({ ok: false, error: { code: 'NOT_ALLOWED', message: 'Nobody is speaking right now' }, revision: 4 })).toBe(
      'Nobody is speaking right now',
    );
  });
  test('no answer at all says to check the connection', () => expect(noticeFor(null)).toBe(NO_ANSWER_MESSAGE));
});

describe('link tokens', () => {
  test('are read from the fragment', () => expect(tokenFromHash('#token=abc_DEF-123')).toBe('abc_DEF-123'));
  test('a fragment without a token gives none', () => expect(tokenFromHash('#/cases')).toBeNull());
  test('an absurdly long token is refused', () => expect(tokenFromHash(`#token=${'x'.repeat(201)}`)).toBeNull());
});
