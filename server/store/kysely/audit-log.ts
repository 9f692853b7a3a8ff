// The audit log's chains: each append reads its chain's end and writes the
// next link in one transaction (the unique (chain, position) index refuses a
// second writer that read the same end).
import type { Kysely, Selectable } from 'kysely';
import { chainOf, nextLink, type AuditEntry, type AuditRecord } from '../audit.js';
import type { Database } from '../schema.js';
import type { AuditLog } from '../types.js';
import { atomically, serialiseOn } from './atomic.js';
import { chainKey, chainTail, insertAudit } from './event-log-queries.js';

const toAudit = (r: Selectable<Database['audit']>): AuditRecord => ({
  seq: r.seq,
  position: r.position,
  at: r.at,
  actorRole: r.actor_role as AuditRecord['actorRole'],
  actorId: r.actor_id ?? null,
  action: r.action,
  meetingId: r.meeting_id ?? null,
  subjectId: r.subject_id ?? null,
  detail: r.detail === null ? null : JSON.parse(r.detail),
  prevHash: r.prev_hash,
  hash: r.hash,
});

export class KyselyAuditLog implements AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  append(entry: AuditEntry) {
    return atomically(this.db, async (tx) => {
      await serialiseOn(tx, chainKey(entry.meetingId));
      const tail = await chainTail(tx, entry.meetingId).executeTakeFirst();
      await insertAudit(tx, entry, nextLink(entry, tail)).execute();
    });
  }

  async list(meetingId: string | null) {
    const rows = await this.db.selectFrom('audit').selectAll().where('chain', '=', chainOf(meetingId)).orderBy('position').execute();
    return rows.map(toAudit);
  }
}
