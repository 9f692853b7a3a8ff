// Join links. A hash of each token finds the link; the token itself is kept
// only sealed by the vault, and only while the link works and its meeting is
// open, so that the console can show its QR code again (issue 13, item 7).
import type { Kysely, Selectable } from 'kysely';
import type { Vault } from '../../security/vault.js';
import type { Database } from '../schema.js';
import type { LinkRecord, Links } from '../types.js';
import { insertionOrder } from './cases.js';

const toLink = (r: Selectable<Database['links']>): LinkRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  kind: r.kind as LinkRecord['kind'],
  participantId: r.participant_id ?? null,
  tokenHash: r.token_hash,
  parentLinkId: r.parent_link_id ?? null,
  createdAt: r.created_at,
  revokedAt: r.revoked_at ?? null,
});

export class KyselyLinks implements Links {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  async create(l: LinkRecord, token?: string) {
    await this.db.insertInto('links')
      .values({
        id: l.id, meeting_id: l.meetingId, kind: l.kind, participant_id: l.participantId, token_hash: l.tokenHash,
        parent_link_id: l.parentLinkId, created_at: l.createdAt, revoked_at: l.revokedAt,
        token_sealed: token === undefined || l.revokedAt !== null ? null : this.vault.seal(token),
      })
      .execute();
  }

  async keptToken(id: string) {
    const row = await this.db.selectFrom('links').select(['token_sealed', 'revoked_at'])
      .where('id', '=', id).executeTakeFirst();
    if (!row || row.revoked_at !== null) return null;
    return this.vault.openOrNull(row.token_sealed);
  }

  async findByTokenHash(tokenHash: string) {
    const row = await this.db.selectFrom('links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toLink(row);
  }

  async get(id: string) {
    const row = await this.db.selectFrom('links').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toLink(row);
  }

  async list(meetingId: string) {
    const rows = await this.db.selectFrom('links').selectAll()
      .where('meeting_id', '=', meetingId).orderBy('created_at').orderBy(insertionOrder)
      .execute();
    return rows.map(toLink);
  }

  async revoke(ids: string[], at: number) {
    // `IN ()` is not valid SQL.
    if (ids.length === 0) return;
    await this.db.updateTable('links').set({ revoked_at: at, token_sealed: null })
      .where('id', 'in', ids).where('revoked_at', 'is', null)
      .execute();
  }

  async remove(ids: string[]) {
    if (ids.length === 0) return;
    await this.db.deleteFrom('links').where('id', 'in', ids).where('kind', '=', 'guest').execute();
  }
}
