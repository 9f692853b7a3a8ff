// Facilitators' accounts and their sessions, in Kysely's portable SQL.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { AccountRole } from '../../../shared/practice.js';
import type { AccountRecord, Accounts, FacilitatorRecord, SessionRecord } from '../types.js';
import { atomically, serialiseOn } from './atomic.js';

const toFacilitator = (r: Selectable<Database['facilitators']>): AccountRecord => ({
  id: r.id,
  name: r.name,
  email: r.email,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  role: r.role as AccountRole,
  deactivatedAt: r.deactivated_at,
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
      // The first account runs the practice (issue 16).
      await tx.insertInto('facilitators')
        .values({ id: f.id, name: f.name, email: f.email, password_hash: f.passwordHash, created_at: f.createdAt, role: 'admin' })
        .execute();
      return true;
    });
  }

  async listAccounts() {
    const rows = await this.db.selectFrom('facilitators').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toFacilitator);
  }

  createAccount(a: AccountRecord) {
    // The address check and the insert share one transaction, like set-up's.
    return atomically(this.db, async (tx) => {
      const taken = await tx.selectFrom('facilitators').select('id')
        .where((eb) => eb(eb.fn('lower', ['email']), '=', a.email.toLowerCase()))
        .executeTakeFirst();
      if (taken) return false;
      await tx.insertInto('facilitators')
        .values({
          id: a.id, name: a.name, email: a.email, password_hash: a.passwordHash, created_at: a.createdAt,
          role: a.role, deactivated_at: a.deactivatedAt,
        })
        .execute();
      return true;
    });
  }

  async setDeactivated(id: string, at: number | null) {
    await this.db.updateTable('facilitators').set({ deactivated_at: at }).where('id', '=', id).execute();
  }

  async setRole(id: string, role: AccountRole) {
    await this.db.updateTable('facilitators').set({ role }).where('id', '=', id).execute();
  }

  async setPassword(id: string, passwordHash: string) {
    await this.db.updateTable('facilitators').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  }

  async countActiveAdmins() {
    const row = await this.db.selectFrom('facilitators').select((eb) => eb.fn.countAll().as('n'))
      .where('role', '=', 'admin').where('deactivated_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  deleteSessionsOf(facilitatorId: string, keep?: string) {
    return atomically(this.db, async (tx) => {
      let query = tx.selectFrom('sessions').select('id_hash').where('facilitator_id', '=', facilitatorId);
      if (keep !== undefined) query = query.where('id_hash', '!=', keep);
      const hashes = (await query.execute()).map((r) => r.id_hash);
      if (hashes.length > 0) await tx.deleteFrom('sessions').where('id_hash', 'in', hashes).execute();
      return hashes;
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
    // A deactivated account's sessions are deleted with it; the join makes sure none opens anything meanwhile (issue 16).
    const row = await this.db.selectFrom('sessions')
      .innerJoin('facilitators', 'facilitators.id', 'sessions.facilitator_id')
      .select(['sessions.id_hash', 'sessions.facilitator_id', 'sessions.created_at', 'sessions.expires_at'])
      .where('sessions.id_hash', '=', idHash).where('sessions.expires_at', '>', now)
      .where('facilitators.deactivated_at', 'is', null)
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
