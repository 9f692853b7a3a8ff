// Who may open a case and its meetings (issue 16): the case's owner, or a
// colleague the owner put on its staff. HTTP (http/owned.ts) and the
// handshake (realtime/handshake.ts) both ask here, so the rule has one home.
import type { CaseAccess } from '../shared/practice.js';
import type { Services } from './services.js';

/** How `accountId` is on the case `caseId` owned by `ownerId`: its owner, a co-facilitator, or not at all (null). */
export async function caseAccess(services: Pick<Services, 'store'>, accountId: string, caseId: string, ownerId: string): Promise<CaseAccess | null> {
  if (ownerId === accountId) return 'owner';
  return (await services.store.practice.staffRole(caseId, accountId)) ?? null;
}
