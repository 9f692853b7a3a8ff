// The Svelte client: six pages, each with its own entry, built to dist/client
// and served by Fastify (server/http/client.ts). In development, `npm run dev:client`
// serves the pages with hot reload and proxies the API and Socket.IO to a
// server started with `npm start` (or THRESHOLD_DEV_SERVER).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const clientRoot = resolve(import.meta.dirname, 'client');
const PAGES = {
  console: resolve(clientRoot, 'index.html'),
  tablet: resolve(clientRoot, 'tablet.html'),
  remote: resolve(clientRoot, 'remote.html'),
  display: resolve(clientRoot, 'display.html'),
  prepare: resolve(clientRoot, 'prepare.html'),
  consent: resolve(clientRoot, 'consent.html'),
};
// THRESHOLD_PAGES=tablet builds only the pages named, into dist/client without emptying it.
// `npm run build` builds each page on its own (client/build-pages.mjs): tree-shaking is per build,
// so each page carries only the runtime and messages it uses (issue 15: the tablet's 40 KB).
const only = process.env.THRESHOLD_PAGES?.split(',').map((p) => p.trim()) ?? null;
const input = only ? Object.fromEntries(Object.entries(PAGES).filter(([name]) => only.includes(name))) : PAGES;
const server = process.env.THRESHOLD_DEV_SERVER ?? 'http://127.0.0.1:3000';

/** In development, the pages answer at the same addresses as in production (/tablet, not /tablet.html). */
const pageAddresses: Plugin = {
  name: 'threshold-page-addresses',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const match = req.url?.match(/^\/(tablet|remote|display|prepare|consent)(\?.*)?$/);
      if (match) req.url = `/${match[1]}.html${match[2] ?? ''}`;
      // Issue 16: invitation and new-password links open the console.
      if (req.url?.match(/^\/join-practice(\?.*)?$/)) req.url = '/index.html';
      next();
    });
  },
};

/**
 * Issue 15: every import of Paraglide's generated runtime resolves to client/src/lib/locale-runtime.ts
 * in the built pages. The generated one carries locale detection (URL, cookie, navigator, server
 * storage) that its default `getLocale` reaches and so cannot be tree-shaken, though we replace that
 * `getLocale` at start (client/src/lib/i18n.svelte.ts). A real saving of about 1.5 KB gzipped on
 * each page, not code moved elsewhere. The unit tests use the generated runtime.
 */
const generatedRuntime = resolve(clientRoot, 'src/paraglide/runtime.js');
const localeRuntime: Plugin = {
  name: 'threshold-locale-runtime',
  apply: 'build',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || !source.endsWith('runtime.js')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === generatedRuntime ? resolve(clientRoot, 'src/lib/locale-runtime.ts') : null;
  },
};

export default defineConfig({
  root: clientRoot,
  base: '/',
  plugins: [localeRuntime, svelte(), pageAddresses],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: !only,
    target: 'es2022',
    // Tablets in a living room have no internet: everything ships with the client.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rolldownOptions: {
      // The plugin-timing report is noise on a busy 2-core machine.
      checks: { pluginTimings: false },
      input,
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
