// Issue 16, "done when": a colleague sees none of the admin's cases until
// added; once added, both run the same meeting from two consoles and the
// activity record names who did what; taking them off the case, or
// deactivating them, closes their consoles at once.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import type { Api } from '../helpers/server.js';
import { colleague } from './practice-support.js';
import { Harness, nextDisconnect, type Client, type Fixture } from './support.js';

type Consoles = { consoles: Array<{ accountId: string; name: string; screens: number }> };

const h = new Harness();
let fx: Fixture;
let danaId: string;
let eli: { api: Api; id: string };

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
  danaId = (await fx.api.get('/api/me')).body.id;
  eli = await colleague(fx.api, 'Eli', 'eli@example.org');
});
afterAll(() => h.close());

/** The next `meeting:consoles` a console hears that satisfies `ok`. */
function consolesUntil(client: Client, ok: (c: Consoles) => boolean): Promise<Consoles> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no such meeting:consoles')), 5000);
    const hear = (c: Consoles) => {
      if (!ok(c)) return;
      clearTimeout(timer);
      client.socket.off('meeting:consoles', hear);
      resolve(c);
    };
    client.socket.on('meeting:consoles', hear);
  });
}

test('issue 16: a colleague sees none of the admin\'s cases until added to one', async () => {
  expect((await eli.api.get('/api/cases')).body.cases).toEqual([]);
  expect((await eli.api.get(`/api/cases/${fx.caseId}`)).status).toBe(404);
  expect((await eli.api.get(`/api/meetings/${fx.meetingId}`)).status).toBe(404);
  expect((await h.refused({ meetingId: fx.meetingId }, eli.api.cookie)).data?.code).toBe('MEETING_NOT_FOUND');
  // Adding is the owner's: the colleague cannot add themselves.
  expect((await eli.api.post(`/api/cases/${fx.caseId}/staff`, { accountId: eli.id })).status).toBe(404);
});

test('issue 16: once added, both run the meeting from two consoles, each command stamped with its author', async () => {
  const added = await fx.api.post(`/api/cases/${fx.caseId}/staff`, { accountId: eli.id });
  expect(added.status).toBe(201);
  expect((await eli.api.get('/api/cases')).body.cases.map((c: { id: string }) => c.id)).toEqual([fx.caseId]);
  const staff = (await eli.api.get(`/api/cases/${fx.caseId}/staff`)).body;
  expect(staff).toMatchObject({ owner: { accountId: danaId, name: 'Dana' }, staff: [{ accountId: eli.id, name: 'Eli', role: 'co-facilitator' }], you: 'co-facilitator' });
  // Who works the case is the owner's decision.
  expect((await eli.api.post(`/api/cases/${fx.caseId}/staff`, { accountId: danaId })).status).toBe(403);

  const danaConsole = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  const bothHere = consolesUntil(danaConsole, (c) => c.consoles.length === 2);
  const eliConsole = await h.open({ meetingId: fx.meetingId }, eli.api.cookie);
  // The live console shows which colleague is connected.
  expect((await bothHere).consoles.map((c) => c.name).sort()).toEqual(['Dana', 'Eli']);

  expect(await eliConsole.send({ type: 'meeting.start' })).toMatchObject({ ok: true, revision: 1 });
  await danaConsole.waitFor((v) => v.revision === 1);
  expect(await danaConsole.send({ type: 'turns.begin' })).toMatchObject({ ok: true, revision: 2 });
  await eliConsole.waitFor((v) => v.revision === 2);
  expect((eliConsole.view as FacilitatorView).phase).toBe(danaConsole.view.phase);

  const record = (await eli.api.get(`/api/meetings/${fx.meetingId}/audit`)).body.entries as Array<{ action: string; actor: { id: string }; detail: { type?: string } }>;
  const commands = record.filter((e) => e.action === 'command').map((e) => [e.detail.type, e.actor.id]);
  expect(commands).toEqual([['meeting.start', eli.id], ['turns.begin', danaId]]);
  // The meeting's log too: each event's `by` names its own account.
  const log = await h.server.threshold.services.store.meetings.listEvents(fx.meetingId);
  expect(log.map((e) => [e.event.type, e.event.by.actorId])).toEqual([['meeting.start', eli.id], ['turns.begin', danaId]]);

  // Taken off the case: their console closes now, and reconnecting is refused.
  const closed = nextDisconnect(eliConsole);
  const gone = consolesUntil(danaConsole, (c) => c.consoles.length === 1);
  expect((await fx.api.delete(`/api/cases/${fx.caseId}/staff/${eli.id}`)).status).toBe(204);
  expect(await closed).toBe('io server disconnect');
  expect((await gone).consoles.map((c) => c.name)).toEqual(['Dana']);
  // The console asks once more after a server disconnect (client/src/lib/connection.svelte.ts); this time it is refused.
  const refusal = eliConsole.connectError();
  eliConsole.socket.connect();
  expect((await refusal).data?.code).toBe('MEETING_NOT_FOUND');
  expect((await eli.api.get(`/api/cases/${fx.caseId}`)).status).toBe(404);
  eliConsole.close();
});

test('issue 16: deactivating a colleague ends their session and closes their live console at once', async () => {
  await fx.api.post(`/api/cases/${fx.caseId}/staff`, { accountId: eli.id });
  const eliConsole = await h.open({ meetingId: fx.meetingId }, eli.api.cookie);
  const told = new Promise((resolve) => eliConsole.socket.once('session:ended', resolve));
  const closed = nextDisconnect(eliConsole, 1000);
  const started = Date.now();
  const patched = await fx.api.request('PATCH', `/api/accounts/${eli.id}`, { active: false });
  expect(patched.status).toBe(200);
  expect(patched.body).toMatchObject({ id: eli.id, active: false });
  // Well inside the hub's 30-second session check: at once.
  expect(await closed).toBe('io server disconnect');
  await told;
  expect(Date.now() - started).toBeLessThan(1000);
  expect((await eli.api.get('/api/me')).status).toBe(401);
  expect((await h.refused({ meetingId: fx.meetingId }, eli.api.cookie)).data?.code).toBe('SESSION_INVALID');
  const login = await eli.api.post('/api/login', { email: 'eli@example.org', password: 'correct horse battery' });
  expect([login.status, login.body.error.code]).toEqual([403, 'DEACTIVATED']);
  eliConsole.close();
});
