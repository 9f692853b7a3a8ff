// The conformance suite every store implementation must pass. A test file
// per implementation calls `storeConformance` with a harness that opens a
// fresh, empty store (tests/store/sqlite.test.ts for SQLite; PostgreSQL will
// run the same suite). The suite speaks only through the Store interface,
// plus two escape hatches the harness provides: everything the store has
// persisted as text (to prove health data is sealed) and a way to alter an
// audit entry behind the store's back (to prove tampering shows).
import type { Store } from '../../server/store/types.js';
import { accountAndCaseTests } from './conformance/accounts-cases.js';
import { afterCareTests } from './conformance/after-care.js';
import { auditTests } from './conformance/audit.js';
import { calendarLabelTests } from './conformance/calendar-labels.js';
import { caseFileTests } from './conformance/case-files.js';
import { consentTests } from './conformance/consents.js';
import { languageTests } from './conformance/languages.js';
import { linkTests } from './conformance/links.js';
import { logisticsTests } from './conformance/logistics.js';
import { meetingTests } from './conformance/meetings.js';
import { practiceTests } from './conformance/practice.js';
import { preparationTests } from './conformance/preparation.js';
import { sealingTests, transactionTests } from './conformance/transactions.js';

export interface OpenedStore {
  store: Store;
  /** Everything persisted so far, as text (files, WAL, dumps): read after the store's writes have resolved. */
  persistedText(): Promise<string>;
  /** Sets `column` of the audit entry with global `seq` to `value`, bypassing the store and its append-only guard. */
  tamperAudit(seq: number, column: 'actor_id' | 'action' | 'at', value: string | number): Promise<void>;
  /** A second store on the same storage and key, as a second server would open it; the caller closes it. */
  openAnother(): Promise<Store>;
  /** Closes the store and removes what it persisted. */
  dispose(): Promise<void>;
}

export type StoreHarness = () => Promise<OpenedStore>;

/** Registers the whole suite (vitest `describe`s) for one implementation. */
export function storeConformance(name: string, open: StoreHarness): void {
  accountAndCaseTests(name, open);
  caseFileTests(name, open);
  meetingTests(name, open);
  linkTests(name, open);
  preparationTests(name, open);
  logisticsTests(name, open);
  consentTests(name, open);
  practiceTests(name, open);
  afterCareTests(name, open);
  auditTests(name, open);
  transactionTests(name, open);
  sealingTests(name, open);
  languageTests(name, open);
  calendarLabelTests(name, open);
}
