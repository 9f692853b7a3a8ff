// Issue 16 in the console: its new addresses, and the activity record naming
// the colleague whose console sent a command.
import { describe, expect, test } from 'vitest';
import { actorName, type Lookup } from '../../client/src/lib/audit-words.js';
import { caseHref, parseRoute } from '../../client/src/console/route.js';

describe('issue 16: the console\'s practice addresses', () => {
  test('the People page, the password page and a case\'s Staff tab have their own addresses', () => {
    expect(parseRoute('#/people')).toEqual({ name: 'people' });
    expect(parseRoute('#/password')).toEqual({ name: 'password' });
    expect(parseRoute('#/cases/c1/staff')).toEqual({ name: 'case', id: 'c1', tab: 'staff' });
    expect(caseHref('c1', 'staff')).toBe('#/cases/c1/staff');
    // The join page's fragment is a token, not a route: it never opens anything else.
    expect(parseRoute('#token=abc')).toEqual({ name: 'cases' });
  });
});

describe('issue 16: who did what, with two consoles', () => {
  const lookup: Lookup = {
    personName: () => null,
    link: () => null,
    staffName: (id) => ({ dana: 'You', eli: 'Eli' })[id] ?? null,
  };
  test('a co-facilitator\'s command is theirs by name; the reader\'s is "You"', () => {
    expect(actorName({ role: 'facilitator', id: 'eli' }, lookup)).toBe('Eli');
    expect(actorName({ role: 'facilitator', id: 'dana' }, lookup)).toBe('You');
    // An account the console does not know (or a record from before): "You", as before.
    expect(actorName({ role: 'facilitator', id: 'gone' }, lookup)).toBe('You');
  });
});
