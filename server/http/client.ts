// Serves the built Svelte client (dist/client) and the little configuration it
// needs before anyone signs in. Pages are never cached, so a tablet always
// loads the client that matches the server; hashed assets are cached for good.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Services } from '../services.js';

/** Where `vite build` writes the client, whether the server runs from source or from dist/. */
export function defaultClientDir(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return basename(root) === 'dist' ? join(root, 'client') : join(root, 'dist', 'client');
}

const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/tablet': 'tablet.html',
  '/remote': 'remote.html',
  '/display': 'display.html',
  '/prepare': 'prepare.html',
  '/consent': 'consent.html',
  // Issue 16: an invitation or new-password link opens the console, which reads the token from the fragment.
  '/join-practice': 'index.html',
};

// The security headers (CSP among them) come from helmet, for every response: see headers.ts.
const PAGE_HEADERS = { 'cache-control': 'no-cache' };

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Threshold</title>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;line-height:1.5">
<h1>The Threshold client has not been built yet</h1>
<p>Stop the server and start it with <code>npm start</code>, which builds the client first,
or run <code>npm run build</code> and reload this page.</p></body></html>`;

export function clientRoutes(services: Services, clientDir = defaultClientDir()) {
  return async (app: FastifyInstance) => {
    await app.register(fastifyStatic, {
      root: join(clientDir, 'assets'),
      prefix: '/assets/',
      index: false,
      wildcard: true,
      maxAge: '365d',
      immutable: true,
    });

    const page = (file: string) => async (_request: unknown, reply: FastifyReply) => {
      reply.headers(PAGE_HEADERS);
      if (!existsSync(join(clientDir, file))) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
      return reply.sendFile(file, clientDir, { cacheControl: false });
    };
    for (const [path, file] of Object.entries(PAGES)) app.get(path, page(file));
    app.get('/favicon.svg', (_request, reply) => reply.sendFile('favicon.svg', clientDir));

    // Public: the crisis screen must work on a tablet that has never signed in,
    // and the console warns a minute before an idle session ends.
    app.get('/api/config', async () => ({ crisis: services.config.crisis, idleMinutes: services.config.idleMinutes }));
  };
}
