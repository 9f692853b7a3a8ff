// Upgrading in place: a database and a mid-meeting snapshot written by the
// release before migrations (tests/fixtures/v1-release, made by
// make-v1-release.fixture.ts at c81125c) are opened by today's server. The
// interventionist signs in, the paused meeting is where it was, a tablet
// reconnects with the link it already had and sees its own letter, the next
// command lands, and the audit chain still verifies.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { Api, Client, PRIVATE, startServer, type Running } from '../helpers/server.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/v1-release');
const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8'));

let dir: string;
let server: Running;
const clients: Client[] = [];
// Ten minutes after the fixture's pause: the links (valid 168 h) still work.
let now = expected.pausedAt + 600_000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'threshold-upgrade-'));
  cpSync(FIXTURE, dir, { recursive: true });
  server = await startServer({ THRESHOLD_KEY: expected.key }, dir, () => now);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a v1 database and its paused meeting come back whole under the new code', async () => {
  const api = new Api(server.url);
  expect((await api.post('/api/login', { email: expected.email, password: expected.password })).status).toBe(200);
  const meeting = await api.get(`/api/meetings/${expected.meetingId}`);
  expect(meeting.body).toMatchObject({ phase: 'paused', revision: expected.revision, caseId: expected.caseId });

  const facilitator = await Client.open(server.url, { meetingId: expected.meetingId }, api.cookie);
  clients.push(facilitator);
  const before = facilitator.view as FacilitatorView;
  expect(before).toMatchObject({ phase: 'paused', revision: expected.revision, currentSpeakerId: expected.ids.ann });
  expect(before.turnEndsAt).toBe(expected.turnEndsAt);

  const ann = await Client.open(server.url, { token: expected.annToken });
  clients.push(ann);
  expect((ann.view as ParticipantView).letter).toBe(PRIVATE.annLetter);

  // The pause lasted ten minutes; the speaker's deadline moves by as much.
  expect(await facilitator.send({ type: 'pause.end' })).toEqual({ ok: true, revision: expected.revision + 1 });
  const resumed = await ann.waitFor((v) => v.revision === expected.revision + 1);
  expect(resumed.phase).toBe('speaking');
  expect(resumed.turnEndsAt).toBe(expected.turnEndsAt + (now - expected.pausedAt));

  const audit = await api.get(`/api/meetings/${expected.meetingId}/audit`);
  expect(audit.body.chain.intact).toBe(true);
  const types = audit.body.entries.filter((e: { action: string }) => e.action === 'command').map((e: { detail: { type: string } }) => e.detail.type);
  expect(types).toEqual(['lobby.admit', 'participant.ready', 'meeting.start', 'turns.begin', 'pause.start', 'pause.end']);
});
