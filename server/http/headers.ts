// Security headers on every response, through @fastify/helmet, with a strict
// Content-Security-Policy the built client passes: scripts only from this
// server (no inline scripts), no frames, no plugins, connections only back
// here, and API answers are never cached. Helmet's `upgrade-insecure-requests` is left out on purpose: tablets
// load Threshold over plain http on the home network, and upgrading would
// break them. HSTS is sent only when the public address is https.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.js';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Svelte sets element styles (style: directives); no style can run code.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  // CSP Level 3: 'self' also matches ws: and wss: to this same host, so the
  // realtime connection works and no other host can be reached (issue 12, case 16).
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
};

// One set of options for the plugin and for `hardenedHeaders`; left to inference because
// @fastify/helmet and helmet declare the same option types twice (CJS and ESM).
function helmetOptions(config: Config) {
  return {
    contentSecurityPolicy: { useDefaults: false as const, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: config.publicUrl?.startsWith('https://') ? { maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: 'no-referrer' as const },
  };
}

/**
 * The headers every response carries (helmet's, with the same options, plus
 * `cache-control: no-store`), as lower-case name → value, for answers written
 * before Fastify has a route or even a request: the router's and the HTTP
 * parser's errors (issue 12, case 15). Helmet runs here on a stand-in response
 * that only records what it sets, so both paths share one source.
 */
export function hardenedHeaders(config: Config): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  helmet(helmetOptions(config))({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  headers['cache-control'] = 'no-store';
  return headers;
}

export async function securityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyHelmet, helmetOptions(config));
  // API answers carry names, letters and notes: no browser or proxy may keep a copy (issue 12, case 14).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
