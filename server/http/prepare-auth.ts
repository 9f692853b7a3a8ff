// The family's preparation link on /api/prepare/*: the token as
// `Authorization: Bearer <token>` (never a cookie, path or query), checked on
// every request, and a per-token budget of saves. A token opens only its own
// person's things; the routes take no participant id at all.
import type { FastifyRequest } from 'fastify';
import { PREPARE_LIMITS } from '../../shared/prepare/vocabulary.js';
import { hashToken } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { CaseRecord, ParticipantRecord, PrepareLinkRecord } from '../store/types.js';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requirePrepareLink` on /api/prepare/* routes. */
    prepare: { link: PrepareLinkRecord; person: ParticipantRecord; found: CaseRecord };
  }
}

const NO_LINK = () => new HttpError(401, 'UNAUTHENTICATED', 'This preparation link no longer works; ask your interventionist for a new one');

/** A token as newToken() makes them (base64url); anything else is not looked up. */
const BEARER = /^Bearer ([A-Za-z0-9_-]{16,128})$/;

/** When a preparation link stops working: `LINK_MAX_AGE_HOURS` after it was issued (epoch ms). */
export function prepareLinkExpiry(services: Services, link: PrepareLinkRecord): number {
  return link.createdAt + services.config.linkMaxAgeHours * 3_600_000;
}

/**
 * onRequest hook: the link behind the Bearer token, its person and case, or 401. A link works
 * until revoked, until the case is closed or cancelled, or until `LINK_MAX_AGE_HOURS` after issue.
 */
export function requirePrepareLink(services: Services) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw NO_LINK();
    const link = await services.store.preparation.findLinkByTokenHash(hashToken(token));
    if (!link || link.revokedAt !== null || services.clock() >= prepareLinkExpiry(services, link)) throw NO_LINK();
    const [person, found, stage] = await Promise.all([
      services.store.cases.getParticipant(link.participantId),
      services.store.cases.getCase(link.caseId),
      services.store.caseFiles.getStage(link.caseId),
    ]);
    if (!person || !found || !stage || stage.stage === 'closed' || stage.stage === 'cancelled') throw NO_LINK();
    request.prepare = { link, person, found };
  };
}

/**
 * Saves per preparation link in a sliding minute (`PREPARE_LIMITS.savesPerMinute`): autosave every
 * few seconds fits well inside it, a runaway script does not. Memory stays bounded: links quiet
 * for a minute are forgotten whenever many are held.
 */
export class SaveBudget {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly clock: () => number,
    private readonly perMinute: number = PREPARE_LIMITS.savesPerMinute,
  ) {}

  /** Takes one save for `linkId`, or throws 429 RATE_LIMITED. */
  take(linkId: string): void {
    const now = this.clock();
    const since = now - 60_000;
    const times = (this.recent.get(linkId) ?? []).filter((t) => t > since);
    if (times.length >= this.perMinute) {
      this.recent.set(linkId, times);
      throw new HttpError(429, 'RATE_LIMITED', 'Saving too often; wait a moment and try again. Your words are still on your screen.');
    }
    times.push(now);
    this.recent.set(linkId, times);
    if (this.recent.size > 1000) {
      for (const [id, list] of this.recent) if ((list[list.length - 1] ?? 0) <= since) this.recent.delete(id);
    }
  }
}
