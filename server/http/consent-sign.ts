// The consent page's routes (/api/consent, issue 11, section 3): the person
// reads the form and signs it with the one-time token from /consent#token=…,
// sent as `Authorization: Bearer <token>` (never a cookie, path or query). A
// token opens only its own form, only until it is signed, revoked or
// CONSENT_LINK_HOURS old; no route takes an id. Signing is checked and written
// at once in the store, so a token signs once.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { consentTerms, signingSchema } from '../../shared/case/consent.js';
import { LANGUAGES } from '../../shared/vocabulary.js';
import { hashToken } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { AuditEntry } from '../store/audit.js';
import type { ConsentRecord } from '../store/types.js';
import { consentStatus, requireSigningElements } from './consent-view.js';
import { HttpError, parseBody } from './errors.js';
import { SaveBudget } from './prepare-auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on /api/consent routes: the consent behind the Bearer token. */
    consent: ConsentRecord;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,128})$/;
const NO_LINK = () => new HttpError(401, 'UNAUTHENTICATED', 'This consent link no longer works; ask your interventionist for a new one.');
const SIGNED = () => new HttpError(410, 'CONSENT_SIGNED', 'This consent form has already been signed. Your interventionist has the signed copy.');

/** onRequest hook: the unsigned, unrevoked, unexpired consent behind the Bearer token, or 401 (410 once signed). */
function requireConsentToken(services: Services) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw NO_LINK();
    const consent = await services.store.consents.findByTokenHash(hashToken(token));
    if (!consent) throw NO_LINK();
    const status = consentStatus(consent, services.clock());
    if (status === 'signed') throw SIGNED();
    if (status !== 'unsigned') throw NO_LINK();
    request.consent = consent;
  };
}

/** The signer's audit entry: ids and the action only (the signer has no account: anonymous). */
function signedAudit(services: Services, consent: ConsentRecord): AuditEntry {
  return { at: services.clock(), actorRole: 'anonymous', actorId: null, action: 'consent.signed', meetingId: null, subjectId: consent.id, detail: { case: consent.caseId } };
}

export function consentSigningRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireConsentToken(services));
    const budget = new SaveBudget(services.clock);

    // The form, and its terms in each language the page offers (issue 15): the page switches without
    // asking again, and signing records the terms of the language the signer read.
    app.get('/api/consent', async (request) => ({
      form: request.consent.form,
      terms: Object.fromEntries(LANGUAGES.map((l) => [l, consentTerms(request.consent.form.statements, l)])),
    }));

    app.post('/api/consent/sign', async (request) => {
      const { consent } = request;
      budget.take(consent.id);
      requireSigningElements(request.body);
      const body = parseBody(signingSchema, request.body);
      const signedAt = services.clock();
      const language = body.language ?? 'en';
      const signature = {
        typedName: body.signature.typedName, drawing: body.signature.drawing, representative: body.representative ?? null, signedAt,
        // What the signer read, in their language, kept with the signature (issue 15).
        language, terms: consentTerms(consent.form.statements, language),
      };
      const signed = await services.store.transaction(async (tx) => {
        if (!(await tx.consents.sign(consent.id, signature))) return false;
        await tx.audit.append(signedAudit(services, consent));
        return true;
      });
      if (!signed) throw SIGNED();
      return { signedAt };
    });
  };
}
