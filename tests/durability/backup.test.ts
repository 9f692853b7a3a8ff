// Backups, restore and key rotation (issue 12, case 22): `npm run backup`
// copies the database consistently while meetings run; `npm run restore`
// puts a backup back with the server stopped; `npm run rotate-key` re-seals
// everything sealed under a new key. Each refuses to touch a database in use.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ParticipantView } from '../../shared/meeting/view.js';
import { Vault } from '../../server/security/vault.js';
import { SEALED_COLUMNS } from '../../server/tools/rotate-key.js';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Api, Client, createFixture, PRIVATE, type Fixture } from '../helpers/server.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'threshold-backup-'));
const backupFile = join(mkdtempSync(join(tmpdir(), 'threshold-backups-')), 'monday.sqlite');
const dbFile = join(dataDir, 'threshold.sqlite');
const keyFile = join(dataDir, 'threshold.key');
let server: ServerProcess;
let fx: Fixture;

/** `npm run <script> -- args` with the server's environment; its exit code and output. */
function npmRun(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => done({ code, output }));
  });
}

const read = <T>(file: string, query: string, ...params: unknown[]): T => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(query).get(...params) as T;
  } finally {
    db.close();
  }
};

async function startServer(env: Record<string, string> = {}) {
  server = new ServerProcess(await freePort(), dataDir, env);
  await server.start();
}

beforeAll(async () => {
  await startServer();
  fx = await createFixture(server.url);
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  for (const type of ['meeting.start', 'turns.begin']) expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
  facilitator.close();
}, 30_000);
afterAll(async () => {
  await server?.stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(resolve(backupFile, '..'), { recursive: true, force: true });
});

test('issue 12, case 22: npm run backup copies the database consistently while commands are being written', async () => {
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  let stop = false;
  let accepted = 0;
  const burst = (async () => {
    while (!stop) {
      const type = accepted % 2 === 0 ? 'pause.start' : 'pause.end';
      const answer = await facilitator.send(type === 'pause.start' ? ({ type, reason: 'outburst' } as never) : ({ type } as never));
      if (answer.ok) accepted++;
      // Within the connection's message budget (20 a second), so the burst is never cut off for flooding.
      await new Promise((r) => setTimeout(r, 60));
    }
  })();
  await new Promise((r) => setTimeout(r, 100));
  const backup = await npmRun('backup', [backupFile]);
  stop = true;
  await burst;
  facilitator.close();
  expect(backup.code, backup.output).toBe(0);
  expect(backup.output).toContain(backupFile);
  expect(accepted).toBeGreaterThan(2);
  expect(statSync(backupFile).mode & 0o777).toBe(0o600);
  // Consistent: the copy's meeting revision is exactly the number of its logged events.
  const { revision } = read<{ revision: number }>(backupFile, 'SELECT revision FROM meetings WHERE id = ?', fx.meetingId);
  const { n } = read<{ n: number }>(backupFile, 'SELECT count(*) AS n FROM events WHERE meeting_id = ?', fx.meetingId);
  expect(n).toBe(revision);
  expect(revision).toBeGreaterThanOrEqual(2);
  expect(read<{ integrity_check: string }>(backupFile, 'PRAGMA integrity_check').integrity_check).toBe('ok');
}, 30_000);

test('issue 12, case 22: restore and rotate-key refuse a database the server has open', async () => {
  const restore = await npmRun('restore', [backupFile]);
  expect(restore.code).toBe(2);
  expect(restore.output).toMatch(/in use: stop the Threshold server/);
  const rotate = await npmRun('rotate-key');
  expect(rotate.code).toBe(2);
  expect(rotate.output).toMatch(/in use: stop the Threshold server/);
  expect(existsSync(`${keyFile}.new`)).toBe(false);
});

test('issue 12, case 22: npm run restore brings the meeting back as it was in the backup', async () => {
  const { revision } = read<{ revision: number }>(backupFile, 'SELECT revision FROM meetings WHERE id = ?', fx.meetingId);
  expect(await server.stop('SIGTERM')).toBe(0);
  const restore = await npmRun('restore', [backupFile]);
  expect(restore.code, restore.output).toBe(0);
  expect(readdirSync(dataDir).some((name) => name.startsWith('threshold.sqlite.replaced-'))).toBe(true);
  await startServer();
  const api = new Api(server.url);
  expect((await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, api.cookie);
  expect(facilitator.view.revision).toBe(revision);
  facilitator.close();
  const ann = await Client.open(server.url, { token: fx.tokenOf(fx.ids.ann) });
  expect((ann.view as ParticipantView).letter).toBe(PRIVATE.annLetter);
  ann.close();
}, 30_000);

test('issue 12, case 22: npm run rotate-key re-seals everything under a new key; the old key no longer opens anything', async () => {
  const oldKey = readFileSync(keyFile, 'utf8').trim();
  expect(await server.stop('SIGTERM')).toBe(0);
  const rotate = await npmRun('rotate-key');
  expect(rotate.code, rotate.output).toBe(0);
  const newKey = readFileSync(keyFile, 'utf8').trim();
  expect(newKey).not.toBe(oldKey);
  const retired = readdirSync(dataDir).find((name) => name.startsWith('threshold.key.retired-'))!;
  expect(readFileSync(join(dataDir, retired), 'utf8').trim()).toBe(oldKey);
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);

  // Every sealed value of every table opens with the new key and not with the old.
  const fresh = Vault.fromKey(Buffer.from(newKey, 'base64'));
  const stale = Vault.fromKey(Buffer.from(oldKey, 'base64'));
  const db = new Database(dbFile, { readonly: true });
  let checked = 0;
  for (const [table, columns] of Object.entries(SEALED_COLUMNS)) {
    for (const row of db.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).all() as Array<Record<string, string | null>>) {
      for (const value of Object.values(row)) {
        if (value === null) continue;
        expect(() => fresh.open(value)).not.toThrow();
        expect(() => stale.open(value)).toThrow();
        checked++;
      }
    }
  }
  db.close();
  expect(checked).toBeGreaterThan(10);

  // The old key is refused at start; the new one serves the same records.
  const withOld = new ServerProcess(await freePort(), dataDir, { THRESHOLD_KEY: oldKey });
  await expect(withOld.start()).rejects.toThrow(/not the key this database was sealed with/);
  await startServer();
  const api = new Api(server.url);
  expect((await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
  expect(JSON.stringify((await api.get('/api/cases')).body)).toContain('Sam');
  const ann = await Client.open(server.url, { token: fx.tokenOf(fx.ids.ann) });
  expect((ann.view as ParticipantView).letter).toBe(PRIVATE.annLetter);
  ann.close();
}, 30_000);

test('the rotation covers every column schema.ts marks sealed', () => {
  const schema = readFileSync(join(ROOT, 'server/store/schema.ts'), 'utf8').split('\n');
  const marked: Record<string, string[]> = {};
  let table = '';
  schema.forEach((line, i) => {
    const opened = /^ {2}(\w+): \{/.exec(line);
    if (opened) table = opened[1]!;
    if (/\/\*\* sealed/.test(line)) (marked[table] ??= []).push(/^\s*(\w+):/.exec(schema[i + 1]!)![1]!);
  });
  expect(marked).toEqual(Object.fromEntries(Object.entries(SEALED_COLUMNS).map(([t, c]) => [t, [...c]])));
});

test('issue 12, case 22: with THRESHOLD_KEY, rotate-key takes the new key from NEW_THRESHOLD_KEY and the server starts only with it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-envkey-'));
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');
  const run = (env: Record<string, string>) => npmRun('rotate-key', [], { DATA_DIR: dir, ...env });
  try {
    const first = new ServerProcess(await freePort(), dir, { THRESHOLD_KEY: oldKey });
    await first.start();
    await createFixture(first.url);
    expect(await first.stop('SIGTERM')).toBe(0);

    const missing = await run({ THRESHOLD_KEY: oldKey });
    expect(missing.code).toBe(2);
    expect(missing.output).toMatch(/NEW_THRESHOLD_KEY/);
    const rotated = await run({ THRESHOLD_KEY: oldKey, NEW_THRESHOLD_KEY: newKey });
    expect(rotated.code, rotated.output).toBe(0);
    expect(existsSync(join(dir, 'threshold.key'))).toBe(false);

    const withOld = new ServerProcess(await freePort(), dir, { THRESHOLD_KEY: oldKey });
    await expect(withOld.start()).rejects.toThrow(/not the key this database was sealed with/);
    const withNew = new ServerProcess(await freePort(), dir, { THRESHOLD_KEY: newKey });
    await withNew.start();
    try {
      const api = new Api(withNew.url);
      expect((await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
      expect(JSON.stringify((await api.get('/api/cases')).body)).toContain('Sam');
    } finally {
      await withNew.stop('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

test('a newcomer\'s trial, finding 1: a backup to a folder that does not exist (an unplugged drive) is refused, not written to the local disk', async () => {
  const root = mkdtempSync(join(tmpdir(), 'threshold-mnt-'));
  try {
    const usb = join(root, 'usb');
    const refused = await npmRun('backup', [join(usb, 'monday.sqlite')]);
    expect(refused.code, refused.output).toBe(2);
    expect(refused.output).toContain(`${usb} does not exist: is the drive plugged in?`);
    expect(existsSync(usb)).toBe(false);
    // The default folder, $DATA_DIR/backups, is still made when missing.
    rmSync(join(dataDir, 'backups'), { recursive: true, force: true });
    const byDefault = await npmRun('backup');
    expect(byDefault.code, byDefault.output).toBe(0);
    expect(readdirSync(join(dataDir, 'backups')).filter((name) => /^threshold-.*\.sqlite$/.test(name))).toHaveLength(1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 30_000);

test('a newcomer\'s trial, finding 2: a backup named as an existing folder is refused with a file name inside it to use', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'threshold-folder-'));
  try {
    const refused = await npmRun('backup', [folder]);
    expect(refused.code, refused.output).toBe(2);
    expect(refused.output).toContain(`${folder} is a folder: name a file inside it, e.g. npm run backup -- ${folder}/threshold-`);
    expect(refused.output).not.toMatch(/already exists/);
    expect(readdirSync(folder)).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 30_000);

test('a newcomer\'s trial, finding 3: rotate-key names a NEW_THRESHOLD_KEY that is not 32 bytes of base64, instead of asking for it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-newkey-'));
  try {
    const rotate = await npmRun('rotate-key', [], { DATA_DIR: dir, THRESHOLD_KEY: randomBytes(32).toString('base64'), NEW_THRESHOLD_KEY: 'notbase64' });
    expect(rotate.code, rotate.output).toBe(2);
    expect(rotate.output).toMatch(/NEW_THRESHOLD_KEY is not 32 random bytes in base64/);
    expect(rotate.output).not.toMatch(/give the new key as/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

test('a newcomer\'s trial, finding 4: restore of a file that is not a database exits 2 saying it is not a Threshold backup', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-notbackup-'));
  try {
    const log = join(dir, 'some.log');
    writeFileSync(log, '{"level":30,"msg":"server listening"}\n');
    const restore = await npmRun('restore', [log]);
    expect(restore.code, restore.output).toBe(2);
    expect(restore.output).toContain(`restore failed: ${log} is not a Threshold backup`);
    expect(restore.output.trim().split('\n')).toHaveLength(1);
    // Named as such before the key is looked for: here there is none (an empty data directory).
    const keyless = await npmRun('restore', [log], { DATA_DIR: dir });
    expect(keyless.code, keyless.output).toBe(2);
    expect(keyless.output).toContain(`restore failed: ${log} is not a Threshold backup`);
    // A folder named instead of a file: the same one-line refusal.
    mkdirSync(join(dir, 'inside'));
    const folder = await npmRun('restore', [join(dir, 'inside')]);
    expect(folder.code, folder.output).toBe(2);
    expect(folder.output).toMatch(/is a folder/);
    // A backup cut short (a copy that stopped midway): exit 2 and one line, too.
    const cut = join(dir, 'cut.sqlite');
    writeFileSync(cut, readFileSync(backupFile).subarray(0, 4096 * 3));
    const damaged = await npmRun('restore', [cut]);
    expect(damaged.code, damaged.output).toBe(2);
    expect(damaged.output.trim().split('\n')).toHaveLength(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
