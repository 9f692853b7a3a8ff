// The conformance suite on the SQLite store, each test on a fresh file in a temp dir.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vault } from '../../server/security/vault.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { storeConformance } from './conformance.js';

storeConformance('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-store-'));
  const vault = Vault.fromKey(randomBytes(32));
  const store = await SqliteStore.inDirectory(dir, vault);
  return {
    store,
    openAnother: () => SqliteStore.inDirectory(dir, vault),
    async persistedText() {
      // The main file and the WAL, as written (not through SQLite), so that nothing is decoded for us.
      return readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('\n');
    },
    async tamperAudit(seq, column, value) {
      // A second connection, as someone with the file in hand would open it.
      const db = new Database(join(dir, 'threshold.sqlite'));
      db.exec('DROP TRIGGER audit_no_update');
      db.prepare(`UPDATE audit SET ${column} = ? WHERE seq = ?`).run(value, seq);
      db.close();
    },
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
