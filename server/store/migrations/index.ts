// The migrations, listed here from imported modules rather than found by
// scanning a folder, so that the same code runs from dist/ and from the
// TypeScript sources under vitest. Kysely's Migrator records each one in the
// `kysely_migration` table and runs them in name order; a name, once
// released, never changes. docs/store.md says how to add one.
import { Migrator, type Kysely, type Migration } from 'kysely';
import * as initial from './001-initial.js';
import * as auditChains from './002-audit-chains.js';
import * as vaultCheck from './003-vault-check.js';
import * as caseFile from './004-case-file.js';
import * as preparation from './005-preparation.js';
import * as linkTokens from './006-link-tokens.js';
import * as logistics from './007-logistics.js';
import * as consents from './008-consents.js';
import * as afterCare from './009-after-care.js';
import * as languages from './010-languages.js';
import * as practice from './011-practice.js';
import * as caseLabels from './012-case-labels.js';

export const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-audit-chains': auditChains,
  '003-vault-check': vaultCheck,
  '004-case-file': caseFile,
  '005-preparation': preparation,
  '006-link-tokens': linkTokens,
  '007-logistics': logistics,
  '008-consents': consents,
  '009-after-care': afterCare,
  '010-languages': languages,
  '011-practice': practice,
  '012-case-labels': caseLabels,
};

/** A migration that failed: start-up stops, naming it. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string | null,
    reason: string,
  ) {
    super(
      migration
        ? `database migration ${migration} failed: ${reason}`
        : `the database's migrations could not be read: ${reason}`,
    );
  }
}

/**
 * Brings the database to the latest migration. All pending migrations run in
 * one transaction (see sqlite-connection.ts for SQLite), so a failure leaves
 * the data as it was. Returns the names applied now; throws MigrationError.
 */
export async function migrateToLatest(db: Kysely<any>, migrations: Record<string, Migration> = MIGRATIONS): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? null;
    throw new MigrationError(failed, error instanceof Error ? error.message : String(error));
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
