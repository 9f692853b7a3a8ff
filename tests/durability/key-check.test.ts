// The key is checked at every start against a sealed check value, not only when
// a live meeting happens to be restored; a key is generated only for an empty
// database; set-up is never offered over a data directory that held a database.
// Pins issue 12, case 10 (a wrong or missing key with only a closed meeting
// started, answered 500 and mixed two keys; a deleted key file was silently
// replaced) and case 11 (the database deleted: set-up open to whoever came first).
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Api, Client, createFixture } from '../helpers/server.js';

let dataDir: string;
const dbFile = () => join(dataDir, 'threshold.sqlite');
const fingerprint = () =>
  readdirSync(dataDir).sort().map((name) => `${name}:${createHash('sha256').update(readFileSync(join(dataDir, name))).digest('hex')}`);

beforeAll(async () => {
  // A case and only a closed meeting: nothing is restored at start, so nothing decrypts by chance.
  dataDir = mkdtempSync(join(tmpdir(), 'threshold-keycheck-'));
  const server = new ServerProcess(await freePort(), dataDir);
  await server.start();
  const fx = await createFixture(server.url);
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  for (const type of ['meeting.start', 'meeting.close']) await facilitator.send({ type } as never);
  facilitator.close();
  expect(await server.stop('SIGTERM')).toBe(0);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('issue 12, case 10: a wrong key stops the start by name and leaves nothing behind', async () => {
  const before = fingerprint();
  const server = new ServerProcess(await freePort(), dataDir, { THRESHOLD_KEY: randomBytes(32).toString('base64') });
  await expect(server.start()).rejects.toThrow(/not the key this database was sealed with/);
  expect(fingerprint()).toEqual(before);
});

test('issue 12, case 10: a deleted key file with a database that holds records stops the start; no new key is made', async () => {
  const keyFile = join(dataDir, 'threshold.key');
  const key = readFileSync(keyFile);
  unlinkSync(keyFile);
  try {
    const before = fingerprint();
    const server = new ServerProcess(await freePort(), dataDir);
    await expect(server.start()).rejects.toThrow(/key file .*threshold\.key is missing/);
    expect(existsSync(keyFile)).toBe(false);
    expect(fingerprint()).toEqual(before);
  } finally {
    await import('node:fs').then((fs) => fs.writeFileSync(keyFile, key, { mode: 0o600 }));
  }
});

test('issue 12, case 10: with the right key the start succeeds and the case reads back', async () => {
  const server = new ServerProcess(await freePort(), dataDir);
  await server.start();
  try {
    const api = new Api(server.url);
    expect((await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
    const cases = await api.get('/api/cases');
    expect(cases.status).toBe(200);
    expect(JSON.stringify(cases.body)).toContain('Sam');
  } finally {
    await server.stop('SIGTERM');
  }
  // The check value is in the database, sealed.
  const db = new Database(dbFile(), { readonly: true });
  const row = db.prepare('SELECT sealed FROM vault_check').get() as { sealed: string };
  db.close();
  expect(row.sealed).toMatch(/^v1:/);
});

test('issue 12, case 11: the database deleted, the key kept: the start stops instead of offering set-up', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-nodb-'));
  try {
    const first = new ServerProcess(await freePort(), dir);
    await first.start();
    await first.stop('SIGTERM');
    for (const name of readdirSync(dir)) if (name.startsWith('threshold.sqlite')) unlinkSync(join(dir, name));
    const again = new ServerProcess(await freePort(), dir);
    await expect(again.start()).rejects.toThrow(/holds a key .* but no database/);
    expect(existsSync(join(dir, 'threshold.sqlite'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('issue 12, case 11: with THRESHOLD_KEY, the check file marks the directory: no set-up over a deleted database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-nodb-env-'));
  const env = { THRESHOLD_KEY: randomBytes(32).toString('base64') };
  try {
    const first = new ServerProcess(await freePort(), dir, env);
    await first.start();
    await first.stop('SIGTERM');
    for (const name of readdirSync(dir)) if (name.startsWith('threshold.sqlite')) unlinkSync(join(dir, name));
    const again = new ServerProcess(await freePort(), dir, env);
    await expect(again.start()).rejects.toThrow(/holds a key or a check value but no database/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
