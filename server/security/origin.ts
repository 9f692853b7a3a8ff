// A request that carries an Origin must come from the host it was sent to (the
// facilitator on localhost and a tablet on the LAN address both pass) or from
// a configured allowlist. Browsers always send Origin on cross-site requests
// and websocket handshakes, so this stops another site from driving a
// signed-in console; Socket.IO's `cors` option alone would not. Requests with
// no Origin (scripts, native apps) still need their credentials.
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/**
 * Whether a request with these headers may change something or open the
 * realtime connection: no Origin, an allow-listed origin, or an origin equal to
 * the host the request was sent to, provided that host is one of ours (below).
 */
export function originAllowed(headers: IncomingHttpHeaders, allowlist: ReadonlySet<string>): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (allowlist.has(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes the literal "null" origin of sandboxed frames and files
  }
  return url.host !== '' && url.host === headers.host && localName(url.hostname);
}

/**
 * A name only this network can give this machine: an IP address, localhost,
 * a single-label name, or a local-only suffix (.local, .lan, .home.arpa,
 * .internal). A public DNS name is not: a page on evil.example whose name is
 * made to resolve to this laptop (DNS rebinding) sends an Origin equal to its
 * Host, and must not be taken for this server's own page. A public name in
 * front of Threshold is allowed by PUBLIC_URL or ALLOWED_ORIGINS.
 */
function localName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (isIP(name.replace(/^\[|\]$/g, '')) !== 0) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (!name.includes('.')) return true;
  return LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

const LOCAL_SUFFIXES = ['.local', '.lan', '.home.arpa', '.internal'];

export const ORIGIN_REFUSED = 'This request came from another website and was refused.';
