// A request that carries an Origin must come from the host it was sent to (the
// facilitator on localhost and a tablet on the LAN address both pass) or from
// a configured allowlist. Browsers always send Origin on cross-site requests
// and websocket handshakes, so this stops another site from driving a
// signed-in console; Socket.IO's `cors` option alone would not. Requests with
// no Origin (scripts, native apps) still need their credentials.
import type { IncomingHttpHeaders } from 'node:http';

export function originAllowed(headers: IncomingHttpHeaders, allowlist: ReadonlySet<string>): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (allowlist.has(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // includes the literal "null" origin of sandboxed frames and files
  }
  return host !== '' && host === headers.host;
}

export const ORIGIN_REFUSED = 'This request came from another website and was refused.';
