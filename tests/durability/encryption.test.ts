// Encryption at rest: a copy of the SQLite file (and its WAL) must not reveal
// what a family wrote or what was noted, and the key lives outside it.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ParticipantView } from '../../shared/meeting/view.js';
import { Vault, VaultError } from '../../server/security/vault.js';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Client, createFixture, PRIVATE, startServer } from '../helpers/server.js';

const NOTE = 'Offer-note: afraid of losing the job at the bakery';
// Names long enough that base64 ciphertext cannot contain them by chance
// (a 3-letter name turns up in ~100 KB of base64 about one run in three).
const NAMES = { lovedOne: 'Samuel-Lovedone', ann: 'Annabel-Inroom', bob: 'Bobby-Inroom', cy: 'Cyrus-Remote' };
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'threshold-vault-'));
  const server = await startServer({}, dataDir);
  const fx = await createFixture(server.url, { names: NAMES });
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  for (const type of ['meeting.start', 'turns.begin', 'offer.present']) await facilitator.send({ type } as never);
  await facilitator.send({ type: 'offer.respond', response: 'declined', note: NOTE });
  facilitator.close();
  await server.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('the database files hold no letters, bottom lines, names or notes in the clear', () => {
  const files = ['threshold.sqlite', 'threshold.sqlite-wal'].map((f) => join(dataDir, f)).filter(existsSync);
  const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
  expect(bytes.length).toBeGreaterThan(0);
  for (const secret of [...Object.values(PRIVATE), NOTE, 'Offer-note', ...Object.values(NAMES)]) {
    expect(bytes.includes(Buffer.from(secret)), `database contains "${secret}"`).toBe(false);
  }
});

test('the key file is created on first run, readable by its owner only', () => {
  const keyFile = join(dataDir, 'threshold.key');
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
});

test('after a restart with the same key, names and notes read back intact', async () => {
  const server = await startServer({}, dataDir);
  try {
    const [meeting] = await server.threshold.services.store.meetings.listUnclosed();
    const runtime = await server.threshold.services.registry.get(meeting!.id);
    expect(runtime?.context.responses.at(-1)?.note).toBe(NOTE);
    expect(runtime?.context.members.map((m) => m.name)).toContain(NAMES.ann);
  } finally {
    await server.close();
  }
});

test('a wrong key stops the start with a clear message instead of serving garbage', async () => {
  const server = new ServerProcess(await freePort(), dataDir, { THRESHOLD_KEY: randomBytes(32).toString('base64') });
  await expect(server.start()).rejects.toThrow(/could not be decrypted: wrong key, or the data was altered/);
  expect(server.output).not.toContain(PRIVATE.annLetter);
});

test('a malformed THRESHOLD_KEY is refused by name', () => {
  expect(() => Vault.load('too-short', join(dataDir, 'unused.key'))).toThrow(VaultError);
  expect(() => Vault.load('too-short', join(dataDir, 'unused.key'))).toThrow(/THRESHOLD_KEY/);
});

test('a tampered ciphertext is detected, not decoded', () => {
  const vault = Vault.fromKey(randomBytes(32));
  const sealed = vault.seal('I will no longer pay your rent');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  raw[raw.length - 1]! ^= 1;
  expect(() => vault.open('v1:' + raw.toString('base64'))).toThrow(/altered/);
  expect(vault.open(sealed)).toBe('I will no longer pay your rent');
});

test('participants still read their own letters from an encrypted store', async () => {
  const fresh = await startServer();
  try {
    const fx = await createFixture(fresh.url);
    const ann = await Client.open(fresh.url, { token: fx.tokenOf(fx.ids.ann) });
    expect((ann.view as ParticipantView).letter).toBe(PRIVATE.annLetter);
    ann.close();
  } finally {
    await fresh.close();
  }
});
