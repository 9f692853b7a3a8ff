// The consent page calls /api/consent with its one-time token as a Bearer
// credential (docs/protocol.md): never in a path or a query, never a cookie.
// Refusals come back as errors with the server's code and (English) words; the page words them in
// its language (words.ts, `problemWords`).
import type { ConsentForm, ConsentTerms } from '../../../shared/case/consent.js';
import type { Language } from '../../../shared/vocabulary.js';
import { m } from '../paraglide/messages.js';

export type { ConsentForm, ConsentTerms };

/** What the page reads: the form, and its statements and acknowledgements in each language (issue 15). */
export interface ConsentReading {
  form: ConsentForm;
  terms: Record<Language, ConsentTerms>;
}

/** A refusal: `message` is the server's English; `facts` the keys beside it (`reason`, `field`, `limit`, `missing`; issue 15). */
export class ConsentError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly facts: { reason?: string; field?: string; limit?: number; missing?: string[] } = {},
  ) {
    super(message);
  }
}

/** What the person sends to sign: see `signingSchema` in shared/case/consent.ts. */
export interface SigningBody {
  signature: { typedName: string; drawing: string | null };
  representative: { name: string; authority: string } | null;
  rightToRevoke: { acknowledged: boolean };
  notConditioned: { acknowledged: boolean };
  /** The language the person read the form in: the server records that language's terms with the signature. */
  language: Language;
}

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/consent${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw new ConsentError(0, 'NETWORK', m.consent_network({}, { locale: 'en' }));
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const { code, message, reason, field, limit, missing } = data?.error ?? {};
    throw new ConsentError(res.status, code ?? 'ERROR', message ?? m.consent_error({}, { locale: 'en' }), { reason, field, limit, missing });
  }
  return data as T;
}

/** The page's two calls, bound to one token. */
export function consentApi(token: string) {
  return {
    load: () => call<ConsentReading>(token, 'GET', ''),
    /** Resolves with the server's time of signing (epoch ms); a missing element is a 400 naming it. */
    sign: async (body: SigningBody) => (await call<{ signedAt: number }>(token, 'POST', '/sign', body)).signedAt,
  };
}
