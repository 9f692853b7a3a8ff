// The family preparation (issue 10): preparation links (token hashes only),
// module progress, each person's letter and bottom line with every version,
// and the interventionist's comments. Texts and comments are sealed by the
// vault before they reach the database; states, ids and times are not.
import type { Kysely, Selectable } from 'kysely';
import type { LetterPart, LetterState } from '../../../shared/prepare/vocabulary.js';
import type { Vault } from '../../security/vault.js';
import type { Database } from '../schema.js';
import type { LetterCommentRecord, LetterRecord, PrepareLinkRecord, Preparation } from '../types.js';
import { insertionOrder } from './cases.js';
import { serialiseOn } from './atomic.js';

const toLink = (r: Selectable<Database['prepare_links']>): PrepareLinkRecord => ({
  id: r.id, caseId: r.case_id, participantId: r.participant_id, tokenHash: r.token_hash, createdAt: r.created_at, revokedAt: r.revoked_at ?? null,
});

export class KyselyPreparation implements Preparation {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  async createLink(l: PrepareLinkRecord) {
    await this.db.insertInto('prepare_links').values({
      id: l.id, case_id: l.caseId, participant_id: l.participantId, token_hash: l.tokenHash, created_at: l.createdAt, revoked_at: l.revokedAt,
    }).execute();
  }

  async findLinkByTokenHash(tokenHash: string) {
    const row = await this.db.selectFrom('prepare_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toLink(row);
  }

  async activeLink(participantId: string) {
    const row = await this.db.selectFrom('prepare_links').selectAll()
      .where('participant_id', '=', participantId).where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc').orderBy(insertionOrder, 'desc').executeTakeFirst();
    return row && toLink(row);
  }

  async revokeLinks(participantId: string, at: number) {
    const rows = await this.db.selectFrom('prepare_links').select('id')
      .where('participant_id', '=', participantId).where('revoked_at', 'is', null).execute();
    const ids = rows.map((r) => r.id);
    if (ids.length) await this.db.updateTable('prepare_links').set({ revoked_at: at }).where('id', 'in', ids).execute();
    return ids;
  }

  async listModulesDone(participantId: string) {
    const rows = await this.db.selectFrom('module_progress').select(['module_id', 'done_at'])
      .where('participant_id', '=', participantId).orderBy('done_at').orderBy(insertionOrder).execute();
    return rows.map((r) => ({ moduleId: r.module_id, doneAt: r.done_at }));
  }

  async markModuleDone(participantId: string, moduleId: string, at: number) {
    await this.db.insertInto('module_progress').values({ participant_id: participantId, module_id: moduleId, done_at: at })
      .onConflict((oc) => oc.columns(['participant_id', 'module_id']).doNothing()).execute();
  }

  async getLetter(participantId: string, part: LetterPart): Promise<LetterRecord | undefined> {
    const row = await this.db.selectFrom('letters')
      .innerJoin('letter_versions', (j) => j
        .onRef('letter_versions.participant_id', '=', 'letters.participant_id')
        .onRef('letter_versions.part', '=', 'letters.part')
        .onRef('letter_versions.version', '=', 'letters.version'))
      .select(['letters.state', 'letters.version', 'letters.updated_at', 'letter_versions.text'])
      .where('letters.participant_id', '=', participantId).where('letters.part', '=', part)
      .executeTakeFirst();
    if (!row) return undefined;
    return { participantId, part, state: row.state as LetterState, version: row.version, text: this.vault.open(row.text), updatedAt: row.updated_at };
  }

  async saveVersion(participantId: string, part: LetterPart, text: string, state: LetterState, at: number, keep: number) {
    const write = async (db: Kysely<Database>) => {
      await serialiseOn(db, `letter ${participantId} ${part}`);
      const last = await db.selectFrom('letter_versions').select((eb) => eb.fn.max('version').as('last'))
        .where('participant_id', '=', participantId).where('part', '=', part).executeTakeFirst();
      const version = Number(last?.last ?? 0) + 1;
      await db.insertInto('letter_versions').values({ participant_id: participantId, part, version, text: this.vault.seal(text), at }).execute();
      await db.insertInto('letters').values({ participant_id: participantId, part, state, version, updated_at: at })
        .onConflict((oc) => oc.columns(['participant_id', 'part']).doUpdateSet({ state, version, updated_at: at })).execute();
      await this.prune(db, participantId, part, version, keep);
      return version;
    };
    return this.db.isTransaction ? write(this.db) : this.db.transaction().execute(write);
  }

  /** Beyond `keep` versions, the oldest never-approved ones go; the newest always stays. */
  private async prune(db: Kysely<Database>, participantId: string, part: LetterPart, newest: number, keep: number) {
    const count = await db.selectFrom('letter_versions').select((eb) => eb.fn.countAll().as('n'))
      .where('participant_id', '=', participantId).where('part', '=', part).executeTakeFirst();
    const excess = Number(count?.n ?? 0) - keep;
    if (excess <= 0) return;
    const doomed = await db.selectFrom('letter_versions').select('version')
      .where('participant_id', '=', participantId).where('part', '=', part)
      .where('approved', '=', 0).where('version', '<', newest)
      .orderBy('version').limit(excess).execute();
    if (doomed.length === 0) return;
    await db.deleteFrom('letter_versions')
      .where('participant_id', '=', participantId).where('part', '=', part)
      .where('version', 'in', doomed.map((d) => d.version)).execute();
  }

  async setLetterState(participantId: string, part: LetterPart, state: LetterState, at: number) {
    const write = async (db: Kysely<Database>) => {
      const row = await db.updateTable('letters').set({ state, updated_at: at })
        .where('participant_id', '=', participantId).where('part', '=', part)
        .returning('version').executeTakeFirst();
      if (row && state === 'approved') {
        await db.updateTable('letter_versions').set({ approved: 1 })
          .where('participant_id', '=', participantId).where('part', '=', part).where('version', '=', row.version).execute();
      }
    };
    await (this.db.isTransaction ? write(this.db) : this.db.transaction().execute(write));
  }

  async listVersions(participantId: string, part: LetterPart) {
    const rows = await this.db.selectFrom('letter_versions').selectAll()
      .where('participant_id', '=', participantId).where('part', '=', part).orderBy('version').execute();
    return rows.map((r) => ({ version: r.version, text: this.vault.open(r.text), approved: r.approved === 1, at: r.at }));
  }

  async addComment(c: LetterCommentRecord) {
    await this.db.insertInto('letter_comments').values({
      id: c.id, participant_id: c.participantId, part: c.part, author_id: c.authorId, text: this.vault.seal(c.text), at: c.at,
    }).execute();
  }

  async listComments(participantId: string) {
    const rows = await this.db.selectFrom('letter_comments').selectAll()
      .where('participant_id', '=', participantId).orderBy('at').orderBy(insertionOrder).execute();
    return rows.map((r) => ({ id: r.id, participantId: r.participant_id, part: r.part as LetterPart, authorId: r.author_id, text: this.vault.open(r.text), at: r.at }));
  }
}
