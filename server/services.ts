// What the HTTP routes and the realtime transport share, built once in app.ts.
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Lockout } from './cluster/limits.js';
import type { Config } from './config.js';
import type { MeetingRegistry } from './meetings/registry.js';
import type { Store } from './store/types.js';

export interface Disconnector {
  disconnectLink(linkId: string): void;
  /** How many live connections (screens) hold link `linkId` now, on every process (issue 17: then asked of the others); 0 when none. */
  devicesOn(linkId: string): number | Promise<number>;
  /** Disconnect the sockets a facilitator session opened (logout, idle logoff). */
  disconnectSession(sessionHash: string): void;
  /** Disconnect an account's consoles: all of them, or only those on the meetings of case `caseId` (issue 16). */
  disconnectAccount(accountId: string, caseId?: string): void;
}

export interface Services {
  config: Config;
  store: Store;
  registry: MeetingRegistry;
  realtime: Disconnector;
  clock: () => number;
  /** The base of join links: PUBLIC_URL, or this machine's LAN address and port. */
  baseUrl: () => string;
  /** With several processes (REDIS_URL): the login rate limit's store and the lockout, shared through Redis. Absent: each in this process's memory. */
  shared?: { rateStore: FastifyRateLimitStoreCtor; lockout: Lockout };
}
