// Issue 14, writer case 3: the SQLite writer thread keeps each audit chain's
// end instead of reading it for every append. A kept end goes stale when
// another connection appends to the chain (the main thread's audit log, a
// second server); the unique (chain, position) index refuses the link after
// it, and the writer reads the end and links again. These pin that the chains
// stay whole through that, and that an end is kept only once it is committed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Vault } from '../../server/security/vault.js';
import { verifyChain } from '../../server/store/audit.js';
import { ChainTails, isTakenPosition } from '../../server/store/event-log-tails.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { append, auditEntry, seedMeeting } from './conformance/fixtures.js';

const opened: Array<{ close(): Promise<void> }> = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function openStore() {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-tails-'));
  dirs.push(dir);
  const vault = Vault.fromKey(randomBytes(32));
  const store = await SqliteStore.inDirectory(dir, vault);
  opened.push(store);
  return { store, another: async () => { const other = await SqliteStore.inDirectory(dir, vault); opened.push(other); return other; } };
}

describe('issue 14, writer case 3: the writer thread keeps each audit chain’s end', () => {
  test('the main thread’s audit entries between the writer’s appends: each append links after the real end', async () => {
    const { store } = await openStore();
    const { m } = await seedMeeting(store);
    await append(store, m.id, 1);
    await store.audit.append(auditEntry(m.id, { action: 'link.issued' }));
    await append(store, m.id, 2, {}, 'gathering', null);
    await store.audit.append(auditEntry(m.id, { action: 'link.revoked' }));
    await store.audit.append(auditEntry(m.id, { action: 'link.issued' }));
    await append(store, m.id, 3, {}, 'opening', null);
    await append(store, m.id, 4, {}, 'opening', null);

    const chain = await store.audit.list(m.id);
    expect(chain.map((a) => [a.position, a.action])).toEqual([
      [1, 'command'], [2, 'link.issued'], [3, 'command'], [4, 'link.revoked'], [5, 'link.issued'], [6, 'command'], [7, 'command'],
    ]);
    expect(verifyChain(chain)).toEqual({ intact: true, checked: 7, brokenAt: null });
    expect((await store.meetings.get(m.id))!).toMatchObject({ revision: 4, phase: 'opening' });
  });

  test('a second server on the same file appends in turn with the first: both chains of appends stay one line', async () => {
    const { store, another } = await openStore();
    const { m } = await seedMeeting(store);
    const other = await another();
    for (let revision = 1; revision <= 6; revision++) await append(revision % 2 === 1 ? store : other, m.id, revision, {}, 'gathering', null);
    const chain = await store.audit.list(m.id);
    expect(chain.map((a) => a.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(verifyChain(chain).intact).toBe(true);
  });

  test('a refused append keeps no end: the next append links after the last one written', async () => {
    const { store } = await openStore();
    const { m } = await seedMeeting(store);
    await append(store, m.id, 1);
    await expect(append(store, m.id, 1, { commandId: 'repeats' })).rejects.toThrow();
    await append(store, m.id, 2, {}, 'gathering', null);
    const chain = await store.audit.list(m.id);
    expect(chain.map((a) => a.position)).toEqual([1, 2]);
    expect(verifyChain(chain).intact).toBe(true);
  });

  // Issue 14, writer case 4: a group of one has no savepoint now; a larger group keeps one per append.
  test('one group commit with a refused append among others: the others land, and each chain goes on from its real end', async () => {
    const { store } = await openStore();
    const { m } = await seedMeeting(store);
    const other = { ...m, id: `${m.id}-b`, input: { ...m.input, meetingId: `${m.id}-b` } };
    await store.meetings.create(other);
    await append(store, m.id, 1);
    // Handed over in one turn, so the writer takes them in one transaction, a savepoint each.
    const results = await Promise.allSettled([
      append(store, m.id, 2, {}, 'gathering', null),
      append(store, m.id, 2, { commandId: 'repeats' }, 'gathering', null),
      append(store, other.id, 1, {}, 'gathering', null),
      append(store, m.id, 3, {}, 'opening', null),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    await store.audit.append(auditEntry(m.id));
    await append(store, m.id, 4, {}, 'opening', null);
    await append(store, other.id, 2, {}, 'gathering', null);
    const chain = await store.audit.list(m.id);
    expect(chain.map((a) => a.position)).toEqual([1, 2, 3, 4, 5]);
    for (const x of [chain, await store.audit.list(other.id)]) expect(verifyChain(x).intact).toBe(true);
    expect((await store.meetings.get(m.id))!).toMatchObject({ revision: 4, phase: 'opening' });
  });
});

describe('ChainTails: what the writer thread keeps', () => {
  const end = (position: number) => ({ position, hash: `h-${position}` });

  test('an end staged by a transaction is known within it, kept if it commits and forgotten if it rolls back', () => {
    const tails = new ChainTails();
    tails.stage('m-1', end(3));
    expect(tails.known('m-1')).toEqual(end(3));
    tails.discard();
    expect(tails.known('m-1')).toBeUndefined();
    tails.stage('m-1', end(3));
    tails.commit();
    tails.stage('m-1', end(4));
    tails.discard();
    expect(tails.known('m-1')).toEqual(end(3));
  });

  test('beyond its limit, the chains written longest ago are dropped first', () => {
    const tails = new ChainTails(2);
    for (const chain of ['a', 'b']) tails.stage(chain, end(1));
    tails.commit();
    tails.stage('a', end(2));
    tails.stage('c', end(1));
    tails.commit();
    expect(['a', 'b', 'c'].map((chain) => tails.known(chain)?.position)).toEqual([2, undefined, 1]);
  });

  test('only SQLite’s unique-key refusal reads as a taken position', () => {
    expect(isTakenPosition(Object.assign(new Error('UNIQUE constraint failed: audit.chain, audit.position'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(true);
    expect(isTakenPosition(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(false);
    expect(isTakenPosition(null)).toBe(false);
  });
});
