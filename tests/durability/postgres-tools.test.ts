// Issue 17, Operations: `npm run backup`, `restore` and `rotate-key` with
// DATABASE_URL set, on a real PostgreSQL of the test's own, keep the promises
// they make on SQLite (tests/durability/backup.test.ts): a consistent backup
// while the server writes, without the key; a restore that refuses a database
// in use (or holding records, without --replace) and that a server then opens;
// a rotation that re-seals every sealed value and refuses the old key after.
// Until issue 17 these three refused to run with DATABASE_URL (this file
// asserted that refusal; the issue changes it).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ParticipantView } from '../../shared/meeting/view.js';
import { Vault } from '../../server/security/vault.js';
import { SEALED_COLUMNS } from '../../server/tools/sealed-columns.js';
import { findProgram } from '../../server/tools/postgres-programs.js';
import { TestPostgres } from '../helpers/postgres.js';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Api, Client, createFixture, PRIVATE, type Fixture } from '../helpers/server.js';

const ROOT = resolve(import.meta.dirname, '../..');
const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('base64');
const dataDir = mkdtempSync(join(tmpdir(), 'threshold-pg-tools-'));
const backupDir = mkdtempSync(join(tmpdir(), 'threshold-pg-backups-'));
const backupFile = join(backupDir, 'monday.dump');
let database: TestPostgres;
let sourceUrl: string;
let restoredUrl: string;
let server: ServerProcess;
let fx: Fixture;

/** `npm run <script> -- args` with DATABASE_URL `url` and the old key unless `env` says otherwise; its exit code and output. */
function npmRun(script: string, args: string[], url: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: url, THRESHOLD_KEY: oldKey, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => done({ code, output }));
  });
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

const revisionAndEvents = async (url: string) => ({
  revision: (await query<{ revision: number }>(url, 'SELECT revision FROM meetings WHERE id = $1', [fx.meetingId]))[0]!.revision,
  events: Number((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM events WHERE meeting_id = $1', [fx.meetingId]))[0]!.n),
});

async function startOn(url: string, key: string): Promise<ServerProcess> {
  const started = new ServerProcess(await freePort(), dataDir, { DATABASE_URL: url, THRESHOLD_KEY: key });
  await started.start();
  return started;
}

/** Signs in on `started` and reads the meeting back: its revision and Ann's letter, both unsealed by the server. */
async function readBack(started: ServerProcess): Promise<{ revision: number; letter: string | undefined; cases: string }> {
  const api = new Api(started.url);
  expect((await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
  const cases = JSON.stringify((await api.get('/api/cases')).body);
  const facilitator = await Client.open(started.url, { meetingId: fx.meetingId }, api.cookie);
  const revision = facilitator.view.revision;
  facilitator.close();
  const ann = await Client.open(started.url, { token: fx.tokenOf(fx.ids.ann) });
  const letter = (ann.view as ParticipantView).letter ?? undefined;
  ann.close();
  return { revision, letter, cases };
}

beforeAll(async () => {
  database = await TestPostgres.start();
  sourceUrl = await database.createDatabase();
  server = await startOn(sourceUrl, oldKey);
  fx = await createFixture(server.url);
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  for (const type of ['meeting.start', 'turns.begin']) expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
  facilitator.close();
}, 90_000);
afterAll(async () => {
  await server?.stop('SIGTERM');
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(backupDir, { recursive: true, force: true });
});

test('issue 17, operations: npm run backup on PostgreSQL dumps consistently while commands are written, without the key', async () => {
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  let stop = false;
  let accepted = 0;
  const burst = (async () => {
    while (!stop) {
      const type = accepted % 2 === 0 ? 'pause.start' : 'pause.end';
      const answer = await facilitator.send(type === 'pause.start' ? ({ type, reason: 'outburst' } as never) : ({ type } as never));
      if (answer.ok) accepted++;
      // Within the connection's message budget (20 a second).
      await new Promise((r) => setTimeout(r, 60));
    }
  })();
  await new Promise((r) => setTimeout(r, 100));
  const backup = await npmRun('backup', [backupFile], sourceUrl);
  stop = true;
  await burst;
  facilitator.close();
  expect(backup.code, backup.output).toBe(0);
  expect(backup.output).toContain(backupFile);
  expect(accepted).toBeGreaterThan(2);
  expect(statSync(backupFile).mode & 0o777).toBe(0o600);
  expect(readdirSync(backupDir)).toEqual(['monday.dump']);
  // The dump as SQL: sealed text only, and neither key.
  const sql = spawnSync(findProgram('pg_restore'), ['--file=-', backupFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(sql.status, sql.stderr).toBe(0);
  expect(sql.stdout).toContain('COPY public.events');
  expect(sql.stdout).not.toContain(oldKey);
  expect(sql.stdout).not.toContain(PRIVATE.annLetter);
  // Without PostgreSQL's client programs: the line that installs them, and no file.
  const missing = await npmRun('backup', [join(backupDir, 'none.dump')], sourceUrl, { PG_BIN: '/nowhere' });
  expect(missing.code).toBe(2);
  expect(missing.output).toMatch(/pg_dump was not found .*apt-get install -y postgresql-client/);
  expect(readdirSync(backupDir)).toEqual(['monday.dump']);
  // A file that is already there is never overwritten.
  const again = await npmRun('backup', [backupFile], sourceUrl);
  expect(again.code).toBe(2);
  expect(again.output).toMatch(/already exists/);
}, 60_000);

test('a newcomer\'s trial, finding 1 on PostgreSQL: a backup to a folder that does not exist (an unplugged drive) is refused, not dumped to the local disk', async () => {
  const usb = join(backupDir, 'usb');
  const refused = await npmRun('backup', [join(usb, 'monday.dump')], sourceUrl);
  expect(refused.code, refused.output).toBe(2);
  expect(refused.output).toContain(`${usb} does not exist: is the drive plugged in?`);
  expect(existsSync(usb)).toBe(false);
  // A folder named instead of a file (finding 2): a .dump name inside it to use.
  const folder = await npmRun('backup', [backupDir], sourceUrl);
  expect(folder.code, folder.output).toBe(2);
  expect(folder.output).toMatch(/is a folder: name a file inside it, e\.g\. npm run backup -- .*\/threshold-.*\.dump/);
  expect(readdirSync(backupDir)).toEqual(['monday.dump']);
}, 60_000);

test('a newcomer\'s trial, finding 4 on PostgreSQL: restore of a file that is not a dump exits 2 saying it is not a Threshold backup', async () => {
  const log = join(backupDir, 'some.log');
  writeFileSync(log, '{"level":30,"msg":"server listening"}\n');
  try {
    const restore = await npmRun('restore', [log], sourceUrl);
    expect(restore.code, restore.output).toBe(2);
    expect(restore.output).toContain(`restore failed: ${log} is not a Threshold backup`);
    expect(restore.output.trim().split('\n')).toHaveLength(1);
  } finally {
    rmSync(log);
  }
}, 60_000);

test('issue 17, operations: npm run restore refuses a database a server is using, a wrong key and a damaged dump', async () => {
  const inUse = await npmRun('restore', [backupFile, '--replace'], sourceUrl);
  expect(inUse.code).toBe(2);
  expect(inUse.output).toMatch(/in use: stop the Threshold server/);

  restoredUrl = await database.createDatabase();
  const wrongKey = await npmRun('restore', [backupFile], restoredUrl, { THRESHOLD_KEY: newKey });
  expect(wrongKey.code).toBe(2);
  expect(wrongKey.output).toMatch(/not the key this database was sealed with/);
  const cut = join(backupDir, 'cut.dump');
  copyFileSync(backupFile, cut);
  truncateSync(cut, Math.floor(statSync(cut).size / 2));
  const damaged = await npmRun('restore', [cut], restoredUrl);
  expect(damaged.code).toBe(2);
  expect(damaged.output).toMatch(/not a whole pg_dump archive/);
  rmSync(cut);
  // Nothing was written into the empty database.
  expect(await query(restoredUrl, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
}, 60_000);

test('issue 17, operations: npm run restore into an empty database gives back the meeting as dumped, and a server opens it', async () => {
  const restore = await npmRun('restore', [backupFile], restoredUrl);
  expect(restore.code, restore.output).toBe(0);
  // Consistent: the meeting's revision is exactly the number of its logged events.
  const { revision, events } = await revisionAndEvents(restoredUrl);
  expect(events).toBe(revision);
  expect(revision).toBeGreaterThan(2);

  const restored = await startOn(restoredUrl, oldKey);
  try {
    const seen = await readBack(restored);
    expect(seen.revision).toBe(revision);
    expect(seen.letter).toBe(PRIVATE.annLetter);
    expect(seen.cases).toContain('Sam');
  } finally {
    expect(await restored.stop('SIGTERM')).toBe(0);
  }
}, 60_000);

test('issue 17, operations: restore over a database that holds records needs --replace, and dumps it first', async () => {
  // A change after the backup, so that replacing the database visibly goes back to the dump.
  const approach = async () => (await query<{ approach: string }>(restoredUrl, 'SELECT approach FROM cases WHERE id = $1', [fx.caseId]))[0]!.approach;
  await query(restoredUrl, "UPDATE cases SET approach = 'arise' WHERE id = $1", [fx.caseId]);
  const before = await revisionAndEvents(restoredUrl);
  const refused = await npmRun('restore', [backupFile], restoredUrl);
  expect(refused.code).toBe(2);
  expect(refused.output).toMatch(/not empty .*--replace/);
  expect(await approach()).toBe('arise');

  const replaced = await npmRun('restore', [backupFile, '--replace'], restoredUrl);
  expect(replaced.code, replaced.output).toBe(0);
  const kept = readdirSync(join(dataDir, 'backups')).filter((name) => /^replaced-.*\.dump$/.test(name));
  expect(kept).toHaveLength(1);
  expect(statSync(join(dataDir, 'backups', kept[0]!)).mode & 0o777).toBe(0o600);
  expect(replaced.output).toContain(kept[0]);
  expect(await revisionAndEvents(restoredUrl)).toEqual(before);
  expect(await approach()).toBe('johnson');
}, 60_000);

test('issue 17, operations: restore --replace also drops tables the dump does not have (a later migration), so the next start migrates cleanly', async () => {
  await query(restoredUrl, 'CREATE TABLE later_migration (id text PRIMARY KEY)');
  const replaced = await npmRun('restore', [backupFile, '--replace'], restoredUrl);
  expect(replaced.code, replaced.output).toBe(0);
  expect(await query(restoredUrl, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = 'later_migration'")).toEqual([]);
  expect(readdirSync(join(dataDir, 'backups')).filter((name) => name.startsWith('replaced-'))).toHaveLength(2);
}, 60_000);

test('issue 17, operations: npm run rotate-key on PostgreSQL re-seals every sealed value; the old key is refused after', async () => {
  const inUse = await npmRun('rotate-key', [], sourceUrl, { NEW_THRESHOLD_KEY: newKey });
  expect(inUse.code).toBe(2);
  expect(inUse.output).toMatch(/in use: stop the Threshold server/);
  const { revision } = await revisionAndEvents(sourceUrl);
  expect(await server.stop('SIGTERM')).toBe(0);

  const rotate = await npmRun('rotate-key', [], sourceUrl, { NEW_THRESHOLD_KEY: newKey });
  expect(rotate.code, rotate.output).toBe(0);
  const fresh = Vault.fromKey(Buffer.from(newKey, 'base64'));
  const stale = Vault.fromKey(Buffer.from(oldKey, 'base64'));
  let checked = 0;
  for (const [table, columns] of Object.entries(SEALED_COLUMNS)) {
    for (const row of await query<Record<string, string | null>>(sourceUrl, `SELECT ${columns.join(', ')} FROM ${table}`)) {
      for (const value of Object.values(row)) {
        if (value === null) continue;
        expect(() => fresh.open(value)).not.toThrow();
        expect(() => stale.open(value)).toThrow();
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(10);
  expect(rotate.output).toContain(`Re-sealed ${checked} values`);

  // Also pins a hang found with this test: a server on PostgreSQL given the wrong key never
  // exited (the store's clean-up waited for the server lock's connection, server/store/open.ts).
  const withOld = new ServerProcess(await freePort(), dataDir, { DATABASE_URL: sourceUrl, THRESHOLD_KEY: oldKey });
  await expect(withOld.start()).rejects.toThrow(/not the key this database was sealed with/);
  server = await startOn(sourceUrl, newKey);
  const seen = await readBack(server);
  expect(seen.revision).toBe(revision);
  expect(seen.letter).toBe(PRIVATE.annLetter);
  expect(seen.cases).toContain('Sam');
  // The dump made before the rotation still opens with the old key only.
  expect(readFileSync(backupFile).length).toBeGreaterThan(0);
}, 90_000);

test('issue 17, operations: with the key file, rotate-key on PostgreSQL replaces it and retires the old one; the old key is refused after', async () => {
  const url = await database.createDatabase();
  const keyDir = mkdtempSync(join(tmpdir(), 'threshold-pg-keyfile-'));
  const keyFile = join(keyDir, 'threshold.key');
  const withKeyFile = { DATA_DIR: keyDir, THRESHOLD_KEY: '' };
  const start = async () => {
    const started = new ServerProcess(await freePort(), keyDir, { DATABASE_URL: url });
    await started.start();
    return started;
  };
  try {
    const first = await start();
    const api = new Api(first.url);
    expect((await api.post('/api/setup', { name: 'Dana', email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(201);
    expect((await api.post('/api/cases', { lovedOneName: 'Robin', approach: 'johnson' })).status).toBe(201);
    expect(await first.stop('SIGTERM')).toBe(0);
    const before = readFileSync(keyFile, 'utf8').trim();

    const rotate = await npmRun('rotate-key', [], url, withKeyFile);
    expect(rotate.code, rotate.output).toBe(0);
    const after = readFileSync(keyFile, 'utf8').trim();
    expect(after).not.toBe(before);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const retired = readdirSync(keyDir).find((name) => name.startsWith('threshold.key.retired-'))!;
    expect(readFileSync(join(keyDir, retired), 'utf8').trim()).toBe(before);
    expect(readdirSync(keyDir)).not.toContain('threshold.key.new');

    const withOld = new ServerProcess(await freePort(), keyDir, { DATABASE_URL: url, THRESHOLD_KEY: before });
    await expect(withOld.start()).rejects.toThrow(/not the key this database was sealed with/);
    const again = await start();
    try {
      const reader = new Api(again.url);
      expect((await reader.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
      expect(JSON.stringify((await reader.get('/api/cases')).body)).toContain('Robin');
    } finally {
      await again.stop('SIGTERM');
    }
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
    await database.dropDatabase(url);
  }
}, 90_000);
