// Issue 10, storage: a database made before the family preparation (the
// release fixture, tests/fixtures/v1-release) opens under migration 005
// without loss. The letters typed then count as approved and are what a new
// meeting reads; a preparation link works on it at once.
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Api, PRIVATE, startServer, type Running } from '../helpers/server.js';
import { Family } from './prepare-support.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/v1-release');
const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8'));

let dir: string;
let server: Running;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'threshold-prepare-upgrade-'));
  cpSync(FIXTURE, dir, { recursive: true });
  server = await startServer({ THRESHOLD_KEY: expected.key }, dir, () => expected.pausedAt + 600_000);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('issue 10, case 13: a database from before the preparation gains its tables; typed letters count as approved; links work', async () => {
  const db = new Database(join(dir, 'threshold.sqlite'), { readonly: true });
  const names = db.prepare('SELECT name FROM kysely_migration ORDER BY name').all().map((r) => (r as { name: string }).name);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => (r as { name: string }).name);
  db.close();
  expect(names).toContain('005-preparation');
  expect(tables).toEqual(expect.arrayContaining(['prepare_links', 'module_progress', 'letters', 'letter_versions', 'letter_comments']));

  const api = new Api(server.url);
  expect((await api.post('/api/login', { email: expected.email, password: expected.password })).status).toBe(200);
  const { ann } = expected.ids as Record<string, string>;
  const letters = await api.get(`/api/cases/${expected.caseId}/letters`);
  expect(letters.status).toBe(200);
  expect(letters.body.people.find((p: { participantId: string }) => p.participantId === ann).letter).toMatchObject({ state: 'typed', meetingText: PRIVATE.annLetter });
  const plan = (await api.get(`/api/cases/${expected.caseId}/plan`)).body;
  expect(plan.readiness.map((e: { item: string }) => e.item)).toEqual(expect.arrayContaining(['family-educated', 'letters-approved']));

  const link = await api.post(`/api/cases/${expected.caseId}/participants/${ann}/prepare-link`);
  expect(link.status).toBe(201);
  const family = new Family(server.url, link.body.token);
  expect((await family.put('/api/prepare/letter', { text: 'A new draft, written after the upgrade' })).body.state).toBe('draft');
  // The draft does not replace the typed letter the meeting reads.
  expect((await api.get(`/api/cases/${expected.caseId}`)).body.participants.find((p: { id: string }) => p.id === ann).letter).toBe(PRIVATE.annLetter);
});
