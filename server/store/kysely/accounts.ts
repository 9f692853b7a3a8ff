// Facilitators' accounts and their sessions, in Kysely's portable SQL.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { Accounts, FacilitatorRecord, SessionRecord } from '../types.js';
import { atomically, serialiseOn } from './atomic.js';

const toFacilitator = (r: Selectable<Database['facilitators']>): FacilitatorRecord => ({
  id: r.id,
  name: r.name,
  email: r.email,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
});

const toSession = (r: Selectable<Database['sessions']>): SessionRecord => ({
  idHash: r.id_hash,
  facilitatorId: r.facilitator_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export class KyselyAccounts implements Accounts {
  constructor(private readonly db: Kysely<Database>) {}

  async countFacilitators() {
    return count(this.db);
  }

  createFirstFacilitator(f: FacilitatorRecord) {
    // The check and the insert share one transaction: two simultaneous set-ups cannot both win.
    return atomically(this.db, async (tx) => {
      await serialiseOn(tx, 'first facilitator');
      if ((await count(tx)) > 0) return false;
      await tx.insertInto('facilitators')
        .values({ id: f.id, name: f.name, email: f.email, password_hash: f.passwordHash, created_at: f.createdAt })
        .execute();
      return true;
    });
  }

  async findFacilitatorByEmail(email: string) {
    // lower() on both sides, where the first release compared with COLLATE NOCASE (SQLite only).
    const row = await this.db.selectFrom('facilitators').selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    return row && toFacilitator(row);
  }

  async getFacilitator(id: string) {
    const row = await this.db.selectFrom('facilitators').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toFacilitator(row);
  }

  async createSession(s: SessionRecord) {
    await this.db.insertInto('sessions')
      .values({ id_hash: s.idHash, facilitator_id: s.facilitatorId, created_at: s.createdAt, expires_at: s.expiresAt })
      .execute();
  }

  async findSession(idHash: string, now: number) {
    const row = await this.db.selectFrom('sessions').selectAll()
      .where('id_hash', '=', idHash).where('expires_at', '>', now)
      .executeTakeFirst();
    return row && toSession(row);
  }

  async extendSession(idHash: string, expiresAt: number) {
    await this.db.updateTable('sessions').set({ expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
  }

  async deleteSession(idHash: string) {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }
}

async function count(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('facilitators').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  // PostgreSQL returns a count as a string.
  return Number(row.n);
}
