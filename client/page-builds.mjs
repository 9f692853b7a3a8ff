// What one page's build does beyond vite.config.ts (client/build-pages.mjs builds each page on its own).
// Only the tablet has more, to stay within its 40 KB (client/bundle-sizes.mjs) on a family member's
// old device on venue Wi-Fi; each item drops code the tablet carried but never ran, or packs the same
// code smaller, and none changes what the page does:
// - No WebTransport. Socket.IO's client carries three transports; our server offers HTTP long-polling
//   and WebSocket only (server/realtime/hub.ts leaves Socket.IO's default), so the third never ran.
//   `withoutWebTransport` takes it out of engine.io-client's table of transports, which the client
//   reads by name, so the bundler could not drop it by itself. About 0.8 KB gzipped.
// - No modulepreload polyfill. The page is one script with nothing to preload. About 0.3 KB.
// - Terser instead of Vite's default minifier (Oxc): the same code, about 1.1 KB smaller gzipped.
//   Slower, so the other pages keep the default.
import { resolve } from 'node:path';

const ENGINE_TRANSPORTS = resolve(import.meta.dirname, '../node_modules/engine.io-client/build/esm/transports/index.js');
const WEBTRANSPORT_IMPORT = 'import { WT } from "./webtransport.js";\n';
const WEBTRANSPORT_ENTRY = '    webtransport: WT,\n';

/**
 * A build plugin that removes WebTransport from engine.io-client's transports (see above). Throws at
 * build time when that module no longer reads as it did (engine.io-client 6.6), so an upgrade that
 * moves it is looked at, not silently missed.
 * @returns {import('vite').Plugin}
 */
export function withoutWebTransport() {
  return {
    name: 'threshold-without-webtransport',
    apply: 'build',
    transform(code, id) {
      if (id !== ENGINE_TRANSPORTS) return null;
      if (!code.includes(WEBTRANSPORT_IMPORT) || !code.includes(WEBTRANSPORT_ENTRY)) {
        throw new Error(`${id} has changed: look again at withoutWebTransport (client/page-builds.mjs)`);
      }
      return { code: code.replace(WEBTRANSPORT_IMPORT, '').replace(WEBTRANSPORT_ENTRY, ''), map: null };
    },
  };
}

/**
 * The inline Vite configuration for `page`'s build, merged over vite.config.ts: `{}` for every page
 * but the tablet.
 * @param {string} page one of build-pages.mjs's pages: console, tablet, remote, display, prepare, consent
 * @returns {import('vite').InlineConfig}
 */
export function pageBuild(page) {
  if (page !== 'tablet') return {};
  return {
    plugins: [withoutWebTransport()],
    build: {
      modulePreload: { polyfill: false },
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
    },
  };
}
