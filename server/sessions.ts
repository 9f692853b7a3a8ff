// Facilitator sessions as a Fastify plugin: the one place that knows how a
// session is named (a random id in a cookie, stored hashed so that a restart
// logs nobody out) and when it ends (IDLE_MINUTES without activity, and
// SESSION_HOURS at most). A session past its idle deadline but within
// SESSION_HOURS is "locked" (issue 13, item 3): a console showing a live
// meeting may still pause or stop it, and the password opens it again. The HTTP routes (http/session.ts) and the Socket.IO
// handshake (realtime/) both authenticate through `app.sessions`.
import { fastifyCookie } from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hashToken, newToken } from './security/secrets.js';
import type { Accounts, SessionRecord } from './store/types.js';

export const SESSION_COOKIE = 'threshold_session';

/**
 * How long a session found alive answers `alive` without asking the store again (issue 14): every
 * facilitator command checks its session, and one query per command was a fifth of a command's
 * main-thread time. The idle deadline read with it still applies at once (an expired one is asked
 * again, so an unlock or activity elsewhere is seen); what may lag by at most this long is a
 * session deleted without this process closing its sockets (by another process sharing the
 * store). Logout, deactivation, password changes and removal from a case close the sockets at once.
 */
export const SESSION_ALIVE_CACHE_MS = 5_000;

/** A live session: whose it is, and its id's hash (how its connections are grouped and ended with it). */
export interface FacilitatorSession {
  facilitatorId: string;
  idHash: string;
  /** When SESSION_HOURS end it whatever the activity (epoch ms), so the console can warn before (issue 12, case 21). */
  endsAt: number;
}

export interface Sessions {
  /** Start a session. Returns its id, to be sent once in the cookie, and the cookie's lifetime in seconds. */
  open(facilitatorId: string): Promise<{ id: string; maxAgeSeconds: number }>;
  /**
   * The one authentication check, for HTTP requests and handshakes alike: the
   * live session a Cookie header names, or undefined. With `activity` its idle
   * deadline is pushed back (an HTTP request is someone at work); a reconnect
   * is not activity, so a flaky network cannot keep an unattended console signed in.
   */
  authenticate(cookieHeader: string | undefined, activity: boolean): Promise<FacilitatorSession | undefined>;
  /** Someone is active in this session (a command, the console's keyboard): push back its idle deadline. False if it has ended. */
  touch(idHash: string): Promise<boolean>;
  /**
   * Whether a session is still alive, without counting the question as activity. A yes is
   * remembered for SESSION_ALIVE_CACHE_MS, never past the session's idle deadline.
   */
  alive(idHash: string): Promise<boolean>;
  /** Forget what `alive` remembers of a session: its connections are being closed (logout, deactivation). */
  forget(idHash: string): void;
  /**
   * A session past its idle deadline, not signed out and within SESSION_HOURS: the console is
   * locked, not signed out (issue 13, item 3). Undefined if the session is alive or over.
   */
  locked(idHash: string): Promise<FacilitatorSession | undefined>;
  /** Push a locked (or live) session's idle deadline back after its password was given again. False if it is over. */
  unlock(idHash: string): Promise<boolean>;
  /** The session a Cookie header names, alive or locked; never counts as activity. */
  lockedOrAlive(cookieHeader: string | undefined): Promise<FacilitatorSession | undefined>;
  /** End the session a Cookie header names, alive or not. Returns its hash, and whose it was if it was alive; undefined without a cookie. */
  end(cookieHeader: string | undefined): Promise<{ idHash: string; facilitatorId: string | undefined } | undefined>;
}

export interface SessionsOptions {
  store: Pick<Accounts, 'createSession' | 'findSession' | 'extendSession' | 'deleteSession'>;
  clock: () => number;
  idleMinutes: number;
  sessionHours: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: Sessions;
  }
}

/** Registers `app.sessions`. Throws at registration on a missing store or a non-positive duration. */
export const sessionsPlugin = fp<SessionsOptions>(
  async (app: FastifyInstance, options) => {
    if (!options.store || !(options.idleMinutes > 0) || !(options.sessionHours > 0)) {
      throw new Error('sessions: a store and positive idleMinutes and sessionHours are required');
    }
    app.decorate('sessions', facilitatorSessions(options));
  },
  { name: 'threshold-sessions', fastify: '5.x' },
);

function facilitatorSessions({ store, clock, idleMinutes, sessionHours }: SessionsOptions): Sessions {
  const deadline = (createdAt: number) => Math.min(clock() + idleMinutes * 60_000, createdAt + sessionHours * 3_600_000);
  const hashIn = (cookieHeader: string | undefined) => {
    const id = cookieHeader ? fastifyCookie.parse(cookieHeader)[SESSION_COOKIE] : undefined;
    return id ? hashToken(id) : undefined;
  };
  const liveness = new Liveness(clock);
  const find = async (idHash: string): Promise<SessionRecord | undefined> => {
    const session = await store.findSession(idHash, clock());
    if (session) liveness.saw(idHash, session.expiresAt);
    else liveness.forget(idHash);
    return session;
  };
  const touch = async (idHash: string): Promise<SessionRecord | undefined> => {
    const session = await find(idHash);
    if (!session) return undefined;
    const expiresAt = deadline(session.createdAt);
    await store.extendSession(idHash, expiresAt);
    liveness.saw(idHash, expiresAt);
    return session;
  };
  const hardEnd = (session: SessionRecord) => session.createdAt + sessionHours * 3_600_000;
  const shape = (session: SessionRecord): FacilitatorSession => ({ facilitatorId: session.facilitatorId, idHash: session.idHash, endsAt: hardEnd(session) });
  /** The record whatever its idle deadline (findSession compares expiresAt with the time given), if within SESSION_HOURS. */
  const kept = async (idHash: string): Promise<SessionRecord | undefined> => {
    const session = await store.findSession(idHash, 0);
    return session && hardEnd(session) > clock() ? session : undefined;
  };
  return {
    async locked(idHash) {
      const session = await kept(idHash);
      return session && session.expiresAt <= clock() ? shape(session) : undefined;
    },
    async unlock(idHash) {
      const session = await kept(idHash);
      if (!session) return false;
      await store.extendSession(idHash, deadline(session.createdAt));
      return true;
    },
    async lockedOrAlive(cookieHeader) {
      const idHash = hashIn(cookieHeader);
      const session = idHash ? await kept(idHash) : undefined;
      return session && shape(session);
    },
    async open(facilitatorId) {
      const id = newToken();
      const now = clock();
      await store.createSession({ idHash: hashToken(id), facilitatorId, createdAt: now, expiresAt: deadline(now) });
      return { id, maxAgeSeconds: sessionHours * 3600 };
    },
    async authenticate(cookieHeader, activity) {
      const idHash = hashIn(cookieHeader);
      const session = idHash ? await (activity ? touch(idHash) : find(idHash)) : undefined;
      return session ? shape(session) : undefined;
    },
    touch: async (idHash) => (await touch(idHash)) !== undefined,
    alive: async (idHash) => liveness.alive(idHash) || (await find(idHash)) !== undefined,
    forget: (idHash) => liveness.forget(idHash),
    async end(cookieHeader) {
      const idHash = hashIn(cookieHeader);
      if (!idHash) return undefined;
      const session = await find(idHash);
      liveness.forget(idHash);
      await store.deleteSession(idHash);
      return { idHash, facilitatorId: session?.facilitatorId };
    },
  };
}

/**
 * The sessions found alive lately, each with its idle deadline as read (epoch ms on the sessions'
 * clock) and when it was read. Only a yes is remembered: a session not found is asked again, so an
 * unlock or a new sign-in is seen at once.
 */
class Liveness {
  private readonly seen = new Map<string, { expiresAt: number; readAt: number }>();

  constructor(private readonly clock: () => number) {}

  alive(idHash: string): boolean {
    const entry = this.seen.get(idHash);
    const now = this.clock();
    // A clock that went back (a test's, or a corrected one) counts as stale.
    return entry !== undefined && now < entry.expiresAt && now >= entry.readAt && now - entry.readAt < SESSION_ALIVE_CACHE_MS;
  }

  saw(idHash: string, expiresAt: number): void {
    const now = this.clock();
    // Sessions that ended without a last question (their sockets went first) would otherwise stay.
    if (this.seen.size >= 1_000 && !this.seen.has(idHash)) {
      for (const [hash, entry] of this.seen) if (now - entry.readAt >= SESSION_ALIVE_CACHE_MS || now >= entry.expiresAt) this.seen.delete(hash);
    }
    this.seen.set(idHash, { expiresAt, readAt: now });
  }

  forget(idHash: string): void {
    this.seen.delete(idHash);
  }
}
