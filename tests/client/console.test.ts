// The console's own logic: which join links it lists, and its routes.
import { describe, expect, test } from 'vitest';
import { parseRoute } from '../../client/src/console/route.js';
import { shownLinks, type ListedLink } from '../../client/src/console/shown-links.js';

const link = (id: string, kind: ListedLink['kind'], participantId: string | null, createdAt: number, revokedAt: number | null = null): ListedLink => ({
  id, kind, participantId, createdAt, revokedAt,
});

describe('listed join links', () => {
  test('working links are all listed; a replaced link is not', () => {
    const links = [link('a1', 'participant', 'ann', 1, 5), link('a2', 'participant', 'ann', 5), link('d', 'display', null, 1)];
    expect(shownLinks(links).map((l) => l.id)).toEqual(['a2', 'd']);
  });

  test('someone whose only links were revoked keeps their latest, so a new one can be made', () => {
    const links = [link('b1', 'participant', 'bob', 1, 3), link('b2', 'participant', 'bob', 3, 9), link('r', 'remote', null, 1, 2)];
    expect(shownLinks(links).map((l) => l.id)).toEqual(['b2', 'r']);
  });

  test('a guest who was turned away is not offered a new link', () => {
    expect(shownLinks([link('g', 'guest', 'may', 4, 6)])).toEqual([]);
  });
});

describe('console routes', () => {
  test('cases, a case, a meeting, its links and its activity record', () => {
    expect(parseRoute('')).toEqual({ name: 'cases' });
    expect(parseRoute('#/')).toEqual({ name: 'cases' });
    expect(parseRoute('#/cases/c%201')).toEqual({ name: 'case', id: 'c 1' });
    expect(parseRoute('#/meetings/m1')).toEqual({ name: 'meeting', id: 'm1', tab: 'live' });
    expect(parseRoute('#/meetings/m1/links')).toEqual({ name: 'meeting', id: 'm1', tab: 'links' });
    expect(parseRoute('#/meetings/m1/record')).toEqual({ name: 'meeting', id: 'm1', tab: 'record' });
    // Issue 11, section 6: the meeting report has its own address, to print from.
    expect(parseRoute('#/meetings/m1/report')).toEqual({ name: 'meeting', id: 'm1', tab: 'report' });
    expect(parseRoute('#/meetings/m1/elsewhere')).toEqual({ name: 'meeting', id: 'm1', tab: 'live' });
  });
  test('anything else goes to the cases', () => expect(parseRoute('#/nowhere/x')).toEqual({ name: 'cases' }));
});
