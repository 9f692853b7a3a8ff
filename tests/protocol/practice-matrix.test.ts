// Issue 16: the authorization matrix. Every /api/ route the server registers
// (read from the server itself, so a route added later cannot be left out:
// an unclassified one fails the test) × {admin, owner, co-facilitator, other
// interventionist, deactivated, anonymous}. Case and meeting routes answer
// their owner and co-facilitators, and 404 to everyone else as before; the
// admin sees no case they are not on; admin routes answer the admin only.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Api, createFixture, type Fixture } from '../helpers/server.js';
import { admin, colleague, invite } from './practice-support.js';
import { Harness } from './support.js';

type Who = 'anonymous' | 'deactivated' | 'other' | 'admin' | 'co-facilitator' | 'owner';
type Kind = 'public' | 'family' | 'signed-in' | 'admin' | 'case' | 'case-owner' | 'facility';
type Outcome = 'passes' | 401 | 403 | 404;

const h = new Harness();
let fx: Fixture;
const apis = {} as Record<Who, Api>;
const ids = {} as Record<'eli' | 'gus', string>;
let invitationId: string;
let facilityId: string;

// Routes anyone may call (their own limits are tested elsewhere); not run here, since logout would end a session.
const PUBLIC = new Set(['GET /api/health', 'GET /api/ready', 'GET /api/setup', 'POST /api/setup', 'POST /api/login', 'POST /api/logout', 'POST /api/unlock', 'GET /api/config', 'POST /api/invitations/accept']);
const SIGNED_IN = new Set([
  'GET /api/me', 'POST /api/me/password', 'GET /api/colleagues', 'GET /api/cases', 'POST /api/cases',
  'GET /api/facilities', 'POST /api/facilities',
  // Across the caller's own cases (issue 11): another's follow-ups never show (after-care-plan.test.ts).
  'GET /api/follow-ups', 'GET /api/follow-ups.ics',
]);

/** Which rule guards a route; a route this cannot place fails the test, so it gets classified when it is added. */
function kindOf(method: string, url: string): Kind {
  const key = `${method} ${url}`;
  if (PUBLIC.has(key)) return 'public';
  if (SIGNED_IN.has(key)) return 'signed-in';
  // The family's and the consent page's routes take a Bearer token, never a session.
  if (url.startsWith('/api/prepare') || url.startsWith('/api/consent')) return 'family';
  // A facility is its facilitator's own (issue 11): not shared with a case's staff.
  if (url.startsWith('/api/facilities/:facilityId')) return 'facility';
  if (url.startsWith('/api/accounts') || url.startsWith('/api/invitations')) return 'admin';
  if (url.startsWith('/api/cases/:caseId/staff') && method !== 'GET') return 'case-owner';
  if (url.startsWith('/api/cases/:caseId') || url.startsWith('/api/meetings/:meetingId')) return 'case';
  throw new Error(`the authorization matrix does not know ${key}: classify it in tests/protocol/practice-matrix.test.ts`);
}

const EXPECTED: Record<Exclude<Kind, 'public'>, Record<Who, Outcome>> = {
  family: { anonymous: 401, deactivated: 401, other: 401, admin: 401, 'co-facilitator': 401, owner: 401 },
  'signed-in': { anonymous: 401, deactivated: 401, other: 'passes', admin: 'passes', 'co-facilitator': 'passes', owner: 'passes' },
  admin: { anonymous: 401, deactivated: 401, other: 403, admin: 'passes', 'co-facilitator': 403, owner: 403 },
  case: { anonymous: 401, deactivated: 401, other: 404, admin: 404, 'co-facilitator': 'passes', owner: 'passes' },
  'case-owner': { anonymous: 401, deactivated: 401, other: 404, admin: 404, 'co-facilitator': 403, owner: 'passes' },
  facility: { anonymous: 401, deactivated: 401, other: 404, admin: 404, 'co-facilitator': 404, owner: 'passes' },
};

beforeAll(async () => {
  await h.start();
  apis.admin = await admin(h.server.url);
  const olive = await colleague(apis.admin, 'Olive', 'olive@example.org');
  apis.owner = olive.api;
  fx = await createFixture(h.server.url, { api: olive.api });
  const eli = await colleague(apis.admin, 'Eli', 'eli@example.org');
  const gus = await colleague(apis.admin, 'Gus', 'gus@example.org');
  apis['co-facilitator'] = eli.api;
  apis.deactivated = gus.api;
  apis.other = (await colleague(apis.admin, 'Finn', 'finn@example.org')).api;
  apis.anonymous = new Api(h.server.url);
  ids.eli = eli.id;
  ids.gus = gus.id;
  for (const id of [eli.id, gus.id]) expect((await olive.api.post(`/api/cases/${fx.caseId}/staff`, { accountId: id })).status).toBe(201);
  // Deactivation outranks being on the case.
  expect((await apis.admin.request('PATCH', `/api/accounts/${gus.id}`, { active: false })).status).toBe(200);
  invitationId = (await invite(apis.admin, 'pending@example.org')).id;
  const facility = await olive.api.post('/api/facilities', { name: 'Harbor House', levelsOfCare: ['residential'] });
  expect(facility.status).toBe(201);
  facilityId = (facility.body as { id: string }).id;
});
afterAll(() => h.close());

/** A route's pattern with real ids where the test has them. */
function fill(url: string): string {
  const values: Record<string, string> = {
    caseId: fx.caseId, meetingId: fx.meetingId, participantId: fx.ids.ann, linkId: fx.links.display.id,
    accountId: ids.eli, invitationId, facilityId, item: 'crisis-plan',
  };
  return url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? 'no-such-id');
}

function outcome(status: number, body: { error?: { code?: string; message?: string } } | null): Outcome {
  if (status === 401 || status === 403) return status;
  // Not found as a case or meeting: refused. A missing participant or link of a case one may open is past the check.
  if (status === 404 && /^That (case|meeting|facility) was not found/.test(body?.error?.message ?? '')) return 404;
  return 'passes';
}

// Before the route matrix, whose owner row takes the co-facilitator off the case.
test('issue 16: the meeting\'s handshake follows the same rule', async () => {
  const code = async (who: Who) => {
    const client = h.connect({ meetingId: fx.meetingId }, apis[who].cookie || undefined);
    const result = await Promise.race([
      client.waitFor(() => true).then(() => 'admitted'),
      client.connectError().then((e) => e.data?.code ?? e.message),
    ]);
    client.close();
    return result;
  };
  const got: Record<string, string> = {};
  for (const who of ['anonymous', 'deactivated', 'other', 'admin', 'co-facilitator', 'owner'] as Who[]) got[who] = await code(who);
  expect(got).toEqual({
    anonymous: 'SESSION_INVALID', deactivated: 'SESSION_INVALID', other: 'MEETING_NOT_FOUND', admin: 'MEETING_NOT_FOUND',
    'co-facilitator': 'admitted', owner: 'admitted',
  });
});

test('issue 16: every route × every kind of caller answers as its rule says', async () => {
  const routes = h.server.threshold.routes.filter((r) => r.url.startsWith('/api/'));
  expect(routes.length).toBeGreaterThan(40);
  const got: string[] = [];
  const want: string[] = [];
  // The callers who change nothing first; the owner last, whose requests may change the case.
  const order: Who[] = ['anonymous', 'deactivated', 'other', 'admin', 'co-facilitator', 'owner'];
  for (const who of order) {
    for (const { method, url } of routes) {
      const kind = kindOf(method, url);
      if (kind === 'public') continue;
      const body = ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
      const answer = await apis[who].request(method, fill(url), body);
      got.push(`${who} ${method} ${url} → ${outcome(answer.status, answer.body)}`);
      want.push(`${who} ${method} ${url} → ${EXPECTED[kind][who]}`);
    }
  }
  expect(got).toEqual(want);
});
