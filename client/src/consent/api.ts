// The consent page calls /api/consent with its one-time token as a Bearer
// credential (docs/protocol.md): never in a path or a query, never a cookie.
// Refusals come back as values with the server's words.
import type { ConsentForm } from '../../../shared/case/consent.js';

export type { ConsentForm };

export class ConsentError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
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
    throw new ConsentError(0, 'NETWORK', 'We cannot reach the server just now. Check the connection and try again; nothing is lost.');
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ConsentError(res.status, data?.error?.code ?? 'ERROR', data?.error?.message ?? 'Something went wrong; please try again.');
  return data as T;
}

/** The page's two calls, bound to one token. */
export function consentApi(token: string) {
  return {
    load: async () => (await call<{ form: ConsentForm }>(token, 'GET', '')).form,
    /** Resolves with the server's time of signing (epoch ms); a missing element is a 400 naming it. */
    sign: async (body: SigningBody) => (await call<{ signedAt: number }>(token, 'POST', '/sign', body)).signedAt,
  };
}
