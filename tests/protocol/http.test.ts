// Protocol v1 over HTTP: set-up, sessions, ownership, validation, links.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Api, PRIVATE } from '../helpers/server.js';
import { Harness, nextDisconnect, PASSWORD, secondFacilitator, type Fixture } from './support.js';

const h = new Harness();
let url: string;

beforeAll(async () => {
  url = (await h.start()).url;
});
afterAll(() => h.close());

describe('first run and sessions', () => {
  test('health answers without a session', async () => {
    const res = await new Api(url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  test('set-up creates the first facilitator once, then answers 409', async () => {
    const first = await new Api(url).post('/api/setup', { name: 'Dana', email: 'dana@example.org', password: PASSWORD });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'Dana', email: 'dana@example.org' });
    expect(first.body).not.toHaveProperty('passwordHash');

    const again = await new Api(url).post('/api/setup', { name: 'Mallory', email: 'mallory@example.org', password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already set up/);
    const mallory = await new Api(url).post('/api/login', { email: 'mallory@example.org', password: PASSWORD });
    expect(mallory.status).toBe(401);
  });

  test('login sets an HttpOnly, SameSite=Strict session cookie; bad credentials get 401', async () => {
    const api = new Api(url);
    const ok = await api.post('/api/login', { email: 'dana@example.org', password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ email: 'dana@example.org' });
    expect(ok.setCookie).toMatch(/^threshold_session=[^;]+;/);
    expect(ok.setCookie).toMatch(/;\s*HttpOnly/i);
    expect(ok.setCookie).toMatch(/;\s*SameSite=Strict/i);
    expect((await api.get('/api/me')).status).toBe(200);

    for (const body of [
      { email: 'dana@example.org', password: 'wrong password!' },
      { email: 'nobody@example.org', password: PASSWORD },
    ]) {
      const bad = await new Api(url).post('/api/login', body);
      expect(bad.status).toBe(401);
      expect(bad.setCookie).toBeNull();
      expect(bad.body.error.message).toMatch(/do not match/);
    }
  });

  test('logout ends the session and disconnects that facilitator’s sockets', async () => {
    const api = new Api(url);
    await api.post('/api/login', { email: 'dana@example.org', password: PASSWORD });
    const session = api.cookie;
    const kase = await api.post('/api/cases', { lovedOneName: 'Sam', approach: 'arise' });
    const person = await api.post(`/api/cases/${kase.body.id}/participants`, { name: 'Ann', relationship: 'sister', attendance: 'in-room' });
    const meeting = await api.post(`/api/cases/${kase.body.id}/meetings`, { speakingOrder: [person.body.id] });
    const console_ = await h.open({ meetingId: meeting.body.id }, session);
    const tablet = await h.open({ token: meeting.body.links.participants[0].token });
    const consoleGone = nextDisconnect(console_);

    const out = await api.post('/api/logout');
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/threshold_session=;/);
    expect(await consoleGone).toBe('io server disconnect');
    // Only the facilitator is sent away; the family's tablets stay.
    expect(tablet.socket.connected).toBe(true);

    api.cookie = session;
    expect((await api.get('/api/me')).status).toBe(401);
    expect((await api.get('/api/cases')).status).toBe(401);
    const again = await h.refused({ meetingId: meeting.body.id }, session);
    expect(again.data?.code).toBe('SESSION_INVALID');
  });
});

describe('with a facilitator signed in', () => {
  let fx: Fixture;
  let caseCount: number;
  beforeAll(async () => {
    fx = await h.fixture();
    caseCount = (await fx.api.get('/api/cases')).body.cases.length;
  });

  test('every route but health, set-up and login needs the session (401)', async () => {
    const linkId = fx.links.display.id;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/me'],
      ['GET', '/api/cases'],
      ['POST', '/api/cases', { lovedOneName: 'Sam', approach: 'johnson' }],
      ['GET', `/api/cases/${fx.caseId}`],
      ['POST', `/api/cases/${fx.caseId}/participants`, { name: 'Zed', relationship: 'uncle', attendance: 'in-room' }],
      ['POST', `/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann] }],
      ['GET', `/api/meetings/${fx.meetingId}`],
      // Issue 11, section 6: the report, letters and all, is the signed-in owner's alone.
      ['GET', `/api/meetings/${fx.meetingId}/report?includeLetters=true`],
      ['DELETE', `/api/meetings/${fx.meetingId}/links/${linkId}`],
    ];
    for (const cookie of ['', 'threshold_session=forged-session-id']) {
      const anonymous = new Api(url);
      anonymous.cookie = cookie;
      for (const [method, path, body] of routes) {
        const res = await anonymous.request(method, path, body);
        expect({ method, path, status: res.status, code: res.body?.error?.code }).toEqual({ method, path, status: 401, code: 'UNAUTHENTICATED' });
      }
    }
    // Nothing was changed by the anonymous attempts: the display link still works.
    const display = await h.open({ token: fx.links.display.token });
    expect(display.view.role).toBe('display');
    const cases = await fx.api.get('/api/cases');
    expect(cases.body.cases).toHaveLength(caseCount);
  });

  test('a second facilitator cannot see or touch the first one’s cases and meetings (404)', async () => {
    const eli = await secondFacilitator(h.server);
    const list = await eli.get('/api/cases');
    expect(list.status).toBe(200);
    expect(list.body.cases).toEqual([]);

    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/api/cases/${fx.caseId}`],
      ['POST', `/api/cases/${fx.caseId}/participants`, { name: 'Zed', relationship: 'uncle', attendance: 'in-room' }],
      ['POST', `/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann] }],
      ['GET', `/api/meetings/${fx.meetingId}`],
      // Issue 11, section 6: the report, letters and all, is the signed-in owner's alone.
      ['GET', `/api/meetings/${fx.meetingId}/report?includeLetters=true`],
      ['DELETE', `/api/meetings/${fx.meetingId}/links/${fx.links.display.id}`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await eli.request(method, path, body);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(JSON.stringify(res.body)).not.toContain('Sam');
    }
    // Eli's own case cannot take Dana's participants into its meeting either.
    const own = await eli.post('/api/cases', { lovedOneName: 'Kim', approach: 'systemic' });
    const theft = await eli.post(`/api/cases/${own.body.id}/meetings`, { speakingOrder: [fx.ids.ann] });
    expect(theft.status).toBe(400);
    expect(theft.body.error.message).toMatch(/speakingOrder/);

    // Dana's link survived Eli's attempt to revoke it, and Dana still sees one case.
    expect((await h.open({ token: fx.links.display.token })).view.role).toBe('display');
    const danas = (await fx.api.get('/api/cases')).body.cases.map((c: { id: string }) => c.id);
    expect(danas).toHaveLength(caseCount);
    expect(danas).toContain(fx.caseId);
    expect(danas).not.toContain(own.body.id);
    expect((await fx.api.get(`/api/cases/${own.body.id}`)).status).toBe(404);
  });

  test('bad JSON and wrong fields get a 400 whose message names the field', async () => {
    const api = fx.api;
    const badJson = await api.request('POST', '/api/cases', undefined, '{"lovedOneName": "Sam",');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toMatchObject({ code: 'INVALID', message: expect.stringMatching(/not valid JSON/) });

    const cases: Array<[string, unknown, RegExp]> = [
      // The case, person and meeting forms' fields are named in the form's own words (issue 13, item 19).
      ['/api/cases', { lovedOneName: 42, approach: 'johnson' }, /name of the person you are helping/],
      ['/api/cases', { lovedOneName: 'Sam', approach: 'tough-love' }, /approach/],
      ['/api/cases', { lovedOneName: 'Sam' }, /approach/],
      ['/api/cases', { lovedOneName: 'Sam', approach: 'johnson', diagnosis: 'x' }, /diagnosis/],
      ['/api/cases', [], /JSON object/],
      [`/api/cases/${fx.caseId}/participants`, { name: 'Zed', relationship: 'uncle', attendance: 'on-zoom' }, /how they join/],
      [`/api/cases/${fx.caseId}/participants`, { name: 'Zed', relationship: 'uncle', attendance: 'remote', letter: 7 }, /letter/],
      [`/api/cases/${fx.caseId}/participants`, { name: 'Zed', relationship: 'uncle', attendance: 'remote', letter: 'x'.repeat(20001) }, /letter/],
      [`/api/cases/${fx.caseId}/participants`, { name: '', relationship: 'uncle', attendance: 'remote' }, /name/],
      [`/api/cases/${fx.caseId}/meetings`, { speakingOrder: 'ann' }, /speakingOrder/],
      [`/api/cases/${fx.caseId}/meetings`, { speakingOrder: ['no-such-person'] }, /speakingOrder.*no-such-person/],
      [`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann, fx.ids.ann] }, /speakingOrder/],
      [`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann], turnSeconds: '60' }, /time for each turn must be a whole number of minutes/],
      [`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann], turnSeconds: 5 }, /time for each turn must be at least half a minute/],
      [`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann], lovedOne: 'Sam' }, /lovedOne/],
    ];
    for (const [path, body, message] of cases) {
      const res = await api.post(path, body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
      expect(res.body.error.code).toBe('INVALID');
      expect(res.body.error.message).toMatch(message);
    }
    const poisoned = await api.request('POST', '/api/cases', undefined, '{"lovedOneName":"Sam","approach":"johnson","__proto__":{"x":1}}');
    expect(poisoned.status).toBe(400);
    // None of the refused requests created anything.
    expect((await api.get(`/api/cases/${fx.caseId}`)).body.participants).toHaveLength(3);
    expect((await api.get('/api/cases')).body.cases).toHaveLength(caseCount);
  });

  test('set-up validation names the field while no facilitator exists yet', async () => {
    const fresh = new Harness();
    try {
      const server = await fresh.start();
      const api = new Api(server.url);
      const bad = await api.post('/api/setup', { name: 'Dana', email: 'not-an-email', password: PASSWORD });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/email/);
      const short = await api.post('/api/setup', { name: 'Dana', email: 'dana@example.org', password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.error.message).toMatch(/password/);
      expect((await api.get('/api/setup')).body).toEqual({ needed: true });
    } finally {
      await fresh.close();
    }
  });

  test('a new meeting returns its links; tokens ride in the URL fragment, never in its path or query', async () => {
    const res = await fx.api.post(`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.bob, fx.ids.ann], turnSeconds: 120 });
    expect(res.status).toBe(201);
    const { id, links } = res.body;
    expect(typeof id).toBe('string');
    expect(links.participants.map((l: { participantId: string }) => l.participantId).sort()).toEqual(
      [fx.ids.ann, fx.ids.bob, fx.ids.cy].sort(),
    );
    const all = [...links.participants, links.remote, links.display] as Array<{ id: string; token: string; url: string }>;
    expect(new Set(all.map((l) => l.token)).size).toBe(all.length);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    for (const link of all) {
      expect(link.token.length).toBeGreaterThanOrEqual(20);
      const parsed = new URL(link.url);
      expect(parsed.origin).toBe('http://threshold.test');
      expect(parsed.pathname + parsed.search).not.toContain(link.token);
      expect(parsed.hash).toContain(link.token);
    }
    const cy = links.participants.find((l: { participantId: string }) => l.participantId === fx.ids.cy);
    const ann = links.participants.find((l: { participantId: string }) => l.participantId === fx.ids.ann);
    expect(new URL(cy.url).pathname).toBe('/remote');
    expect(new URL(ann.url).pathname).toBe('/tablet');
    expect(new URL(links.display.url).pathname).toBe('/display');
    expect(new URL(links.remote.url).pathname).toBe('/remote');

    // The same token authenticates a script, and the meeting starts in gathering with the planned order.
    const display = await h.open({ token: links.display.token });
    expect(display.view).toMatchObject({ meetingId: id, revision: 0, phase: 'gathering' });
    expect(display.view.speakingOrder.map((s) => s.name)).toEqual(['Bob', 'Ann']);

    // Reading the meeting back never shows a token; the case shows letters to their facilitator only.
    const read = await fx.api.get(`/api/meetings/${id}`);
    expect(read.status).toBe(200);
    for (const link of all) expect(JSON.stringify(read.body)).not.toContain(link.token);
    expect(JSON.stringify((await fx.api.get(`/api/cases/${fx.caseId}`)).body)).toContain(PRIVATE.annLetter);
  });

  test('revoking a link answers 204, disconnects its socket, and the token never works again', async () => {
    const annLink = fx.links.participants.find((l) => l.participantId === fx.ids.ann)!;
    const ann = await h.open({ token: annLink.token });
    const bob = await h.open({ token: fx.tokenOf(fx.ids.bob) });
    const gone = nextDisconnect(ann);

    const res = await fx.api.delete(`/api/meetings/${fx.meetingId}/links/${annLink.id}`);
    expect(res.status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect(bob.socket.connected).toBe(true);

    const again = await h.refused({ token: annLink.token });
    expect(again.data?.code).toBe('LINK_INVALID');
    expect(again.message).toMatch(/no longer works/);
    const listed = await fx.api.get(`/api/meetings/${fx.meetingId}`);
    const record = listed.body.links.find((l: { id: string }) => l.id === annLink.id);
    expect(record.revokedAt).toEqual(expect.any(Number));

    // A link of another meeting, or one that does not exist, is not found through this meeting.
    const other = await fx.api.post(`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.bob] });
    expect((await fx.api.delete(`/api/meetings/${fx.meetingId}/links/${other.body.links.display.id}`)).status).toBe(404);
    expect((await fx.api.delete(`/api/meetings/${fx.meetingId}/links/no-such-link`)).status).toBe(404);
    expect((await h.open({ token: other.body.links.display.token })).view.meetingId).toBe(other.body.id);
  });
});
