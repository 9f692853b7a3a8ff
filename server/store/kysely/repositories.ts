// The repositories over one Kysely executor (a store's own, or a transaction),
// the same for every dialect: only the append to the meetings' log differs.
import type { Kysely } from 'kysely';
import type { Vault } from '../../security/vault.js';
import type { Database } from '../schema.js';
import { KyselyAccounts } from './accounts.js';
import { KyselyAfterCare } from './after-care.js';
import { KyselyAuditLog } from './audit-log.js';
import { KyselyCaseFiles } from './case-files.js';
import { KyselyCases } from './cases.js';
import { KyselyLinks } from './links.js';
import { KyselyMeetings, type AppendEvent } from './meetings.js';
import { KyselyPractice } from './practice.js';
import { KyselyPreparation } from './preparation.js';
import { KyselyLogistics } from './logistics.js';
import { KyselyConsents, KyselyTransitions } from './consents.js';

/** Every aggregate over `db`, sealing with `vault`; `append` is the store's own way to append to a meeting's log. */
export function repositories(db: Kysely<Database>, vault: Vault, append: AppendEvent) {
  return {
    accounts: new KyselyAccounts(db),
    practice: new KyselyPractice(db),
    cases: new KyselyCases(db, vault),
    caseFiles: new KyselyCaseFiles(db, vault),
    preparation: new KyselyPreparation(db, vault),
    logistics: new KyselyLogistics(db, vault),
    transitions: new KyselyTransitions(db, vault),
    consents: new KyselyConsents(db, vault),
    afterCare: new KyselyAfterCare(db, vault),
    meetings: new KyselyMeetings(db, vault, append),
    links: new KyselyLinks(db, vault),
    audit: new KyselyAuditLog(db),
  };
}

export const noAppendInTransaction: AppendEvent = () => {
  // The append has a transaction of its own (on SQLite, on the writer thread, which would wait for this one's lock).
  throw new Error('appendEvent runs in its own transaction, not inside Store.transaction');
};

/** Every aggregate a store holds, as `repositories` makes them. */
export type Aggregates = ReturnType<typeof repositories>;

// Declaration merging: the class below has every field of Aggregates, listed once (in repositories).
export interface StoreAggregates extends Aggregates {}

/**
 * The base of both stores: their aggregates over the store's own executor, so that a new aggregate is
 * added in `repositories` alone and not in a field list per store.
 */
export abstract class StoreAggregates {
  protected constructor(db: Kysely<Database>, vault: Vault, append: AppendEvent) {
    Object.assign(this, repositories(db, vault, append));
  }
}
