// Presence after a restart: the new process has seen nobody yet, but the
// meeting was open before it started, so people may well have joined. The
// console must not call them "not joined yet"; it says they have not been
// seen since the restart, until their device reconnects.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import { Api, Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';

let dataDir: string;
let server: Running;
let fx: Fixture;
/** The facilitator, signed in to the restarted server (it listens on a new port). */
let api: Api;
const clients: Client[] = [];

const open = async (auth: Record<string, unknown>, cookie?: string) => {
  const client = await Client.open(server.url, auth, cookie);
  clients.push(client);
  return client;
};
const presenceOf = (view: FacilitatorView) => Object.fromEntries(view.members.map((m) => [m.participantId, m.presence]));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'threshold-presence-'));
  server = await startServer({}, dataDir);
  fx = await createFixture(server.url);
  const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
  await open({ token: fx.tokenOf(fx.ids.ann) });
  await open({ token: fx.tokenOf(fx.ids.bob) });
  await facilitator.waitFor((v) => presenceOf(v as FacilitatorView)[fx.ids.bob] === 'connected');
  for (const c of clients.splice(0)) c.close();
  await server.close();
  server = await startServer({}, dataDir);
  api = new Api(server.url);
  expect((await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// Issue 12, case 20: after a restart every member showed never-joined until they reconnected.
test('after a restart nobody is "never joined": members not back yet are not-back, and each returns to connected', async () => {
  const facilitator = await open({ meetingId: fx.meetingId }, api.cookie);
  const first = presenceOf(facilitator.view as FacilitatorView);
  // Ann and Bob had joined; Cy had not, and the new process cannot know that: it says only what it knows.
  expect(first).toEqual({ [fx.ids.ann]: 'not-back', [fx.ids.bob]: 'not-back', [fx.ids.cy]: 'not-back' });

  const ann = await open({ token: fx.tokenOf(fx.ids.ann) });
  await facilitator.waitFor((v) => presenceOf(v as FacilitatorView)[fx.ids.ann] === 'connected');
  expect(presenceOf(facilitator.view as FacilitatorView)[fx.ids.bob]).toBe('not-back');
  ann.close();
  await facilitator.waitFor((v) => presenceOf(v as FacilitatorView)[fx.ids.ann] === 'away');
});

test('a meeting created after the restart still says never-joined: this process has held it from the start', async () => {
  const meetingId = await newMeeting(api);
  const facilitator = await open({ meetingId }, api.cookie);
  const presence = Object.values(presenceOf(facilitator.view as FacilitatorView));
  expect(presence.length).toBeGreaterThan(0);
  expect(new Set(presence)).toEqual(new Set(['never-joined']));
});

async function newMeeting(api: Api): Promise<string> {
  const res = await api.post(`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann, fx.ids.bob] });
  expect(res.status).toBe(201);
  return res.body.id as string;
}
