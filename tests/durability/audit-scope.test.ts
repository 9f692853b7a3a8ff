// The audit route reads and checks one meeting's chain: however long the rest
// of the log grows (other meetings, every facilitator's sign-ins), none of it
// is read or hashed on the request thread. Counted in entries, not timed.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { nextLink, type AuditEntry, type AuditRecord, type ChainTail } from '../../server/store/audit.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';

const OTHER_MEETINGS = 40;
const ENTRIES_EACH = 100;
const SIGN_INS = 2_000;

let server: Running;
let fx: Fixture;
let store: SqliteStore;

/** Writes well-formed chains straight into the file, in one transaction: thousands of appends would take minutes. */
function seed(chains: Array<{ meetingId: string | null; count: number }>) {
  const insert = store.db.prepare(
    `INSERT INTO audit (chain, position, at, actor_role, actor_id, action, meeting_id, subject_id, detail, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  store.db.transaction(() => {
    for (const { meetingId, count } of chains) {
      // The account chain already holds the set-up and sign-in: continue from its end.
      let tail = store.db.prepare('SELECT position, hash FROM audit WHERE chain = ? ORDER BY position DESC LIMIT 1').get(meetingId ?? 'account') as ChainTail | undefined;
      for (let i = 0; i < count; i++) {
        const entry: AuditEntry = meetingId === null
          ? { at: 1_000 + i, actorRole: 'anonymous', actorId: null, action: 'login.failed', meetingId, subjectId: null, detail: null }
          : { at: 1_000 + i, actorRole: 'facilitator', actorId: 'another-facilitator', action: 'command', meetingId, subjectId: null, detail: { type: 'pause.start', revision: i + 1 } };
        const link = nextLink(entry, tail);
        insert.run(meetingId ?? 'account', link.position, entry.at, entry.actorRole, entry.actorId, entry.action, meetingId, null,
          entry.detail === null ? null : JSON.stringify(entry.detail), link.prevHash, link.hash);
        tail = { position: link.position, hash: link.hash };
      }
    }
  })();
}

beforeAll(async () => {
  server = await startServer();
  fx = await createFixture(server.url);
  store = server.threshold.services.store as SqliteStore;
  seed([
    ...Array.from({ length: OTHER_MEETINGS }, (_, i) => ({ meetingId: `other-meeting-${i}`, count: ENTRIES_EACH })),
    { meetingId: null, count: SIGN_INS },
  ]);
});
afterAll(() => server.close());

// Issue 12, case 18: the route verified and counted every facilitator's account entries with the meeting's.
test("the audit check reads and counts this meeting's chain only, however large the rest of the log", async () => {
  const read: Array<{ meetingId: string | null; entries: number }> = [];
  const list = store.audit.list.bind(store.audit);
  store.audit.list = async (meetingId: string | null): Promise<AuditRecord[]> => {
    const records = await list(meetingId);
    read.push({ meetingId, entries: records.length });
    return records;
  };
  const res = await fx.api.get(`/api/meetings/${fx.meetingId}/audit`);
  store.audit.list = list;

  expect(res.status).toBe(200);
  const shown = (res.body.entries as unknown[]).length;
  // meeting.created and a link.issued per participant, the remote link and the display.
  expect(shown).toBe(1 + fx.links.participants.length + 2);
  expect(res.body.chain).toEqual({ intact: true, checked: shown, brokenAt: null });
  expect(read).toEqual([{ meetingId: fx.meetingId, entries: shown }]);
});

// Issue 12, case 18: a break in the account chain showed as a break in every meeting's record.
test('a break in another meeting’s chain or in the account chain does not show in this meeting’s check', async () => {
  store.db.exec('DROP TRIGGER IF EXISTS audit_no_update');
  store.db.prepare("UPDATE audit SET actor_id = 'forged' WHERE chain = 'other-meeting-0' AND position = 3").run();
  store.db.prepare("UPDATE audit SET actor_id = 'forged' WHERE chain = 'account' AND position = 5").run();
  const res = await fx.api.get(`/api/meetings/${fx.meetingId}/audit`);
  expect(res.body.chain).toMatchObject({ intact: true, brokenAt: null });
});
