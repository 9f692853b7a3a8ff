// Types for page-builds.mjs (plain JavaScript, run by Node in `npm run build`), for the tests.
import type { InlineConfig, Plugin } from 'vite';

/** Removes WebTransport from engine.io-client's transports; throws at build time if that module changed. */
export function withoutWebTransport(): Plugin;

/** The inline Vite configuration for `page`'s build, merged over vite.config.ts: `{}` for every page but the tablet. */
export function pageBuild(page: string): InlineConfig;
