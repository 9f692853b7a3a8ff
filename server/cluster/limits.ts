// Login throttling and lockouts shared by every process (REDIS_URL, issue
// 17): the per-address rate limit is @fastify/rate-limit with its counters in
// Redis, and the per-account lockout counts in Redis, atomically, in arrival
// order. Without Redis for a moment, each falls back to what one process
// does alone (the limiter lets the request through, the lockout counts in
// this process's memory): never weaker than a single server.
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { createClient } from 'redis';
import { LoginLockout } from '../security/lockout.js';

type RedisClient = ReturnType<typeof createClient>;

/** What the login routes ask of a lockout; the in-memory LoginLockout is one. */
export interface Lockout {
  /** Counts an attempt before its password is checked; resolves to the milliseconds left on a lock, or 0. */
  begin(email: string): number | Promise<number>;
  /** The attempt failed: the last allowed one locks. */
  fail(email: string): void | Promise<void>;
  /** The attempt succeeded: the count starts again. */
  succeed(email: string): void | Promise<void>;
}

/** INCR with the window set on the first hit; answers [count, ms left in the window]. */
const RATE = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {current, redis.call('PTTL', KEYS[1])}`;

/** A @fastify/rate-limit store over `redis`, its keys under `prefix`. */
export function redisRateStore(redis: RedisClient, prefix = 'threshold:rate:'): FastifyRateLimitStoreCtor {
  class RedisRateStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly keyPrefix = prefix,
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      redis.eval(RATE, { keys: [this.keyPrefix + key], arguments: [String(timeWindow)] }).then(
        (reply) => {
          const [current, ttl] = reply as [number, number];
          callback(null, { current, ttl: Math.max(0, ttl) });
        },
        (error: Error) => callback(error),
      );
    }

    /** Each route counts apart, as the plugin's own stores do (it passes the route as `routeInfo`). */
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const info = (routeOptions as unknown as { routeInfo?: { method?: string; url?: string } }).routeInfo;
      const route = info ? `${info.method}${info.url}-` : '';
      return new RedisRateStore({}, `${this.keyPrefix}${route}`);
    }
  }
  return RedisRateStore;
}

/**
 * begin: locked → the ms left; at the limit → lock now; else count one.
 * KEYS: count, lock. ARGV: max failures, lock ms, how long a count is kept (ms).
 */
const BEGIN = `
local left = redis.call('PTTL', KEYS[2])
if left > 0 then return left end
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
  redis.call('DEL', KEYS[1])
  return tonumber(ARGV[2])
end
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 0`;

/** fail: the last allowed attempt failed → lock. KEYS: count, lock. ARGV: max failures, lock ms. */
const FAIL = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
  redis.call('DEL', KEYS[1])
end
return 0`;

/** A day: a count of failures nobody finished is forgotten after it. */
const COUNT_KEPT_MS = 24 * 60 * 60_000;

/**
 * LoginLockout's rules (server/security/lockout.ts) with the counts in Redis,
 * so that guesses spread over several processes lock the account as they
 * would on one. Keys hold a hash of the email, never the email.
 */
export class RedisLoginLockout implements Lockout {
  private readonly local: LoginLockout;

  constructor(
    private readonly redis: RedisClient,
    clock: () => number,
    private readonly hash: (email: string) => string,
  ) {
    this.local = new LoginLockout(clock);
  }

  async begin(email: string): Promise<number> {
    const [count, lock] = this.keys(email);
    try {
      return Number(await this.redis.eval(BEGIN, {
        keys: [count, lock], arguments: [String(this.local.maxFailures), String(this.local.lockMs), String(COUNT_KEPT_MS)],
      }));
    } catch {
      return this.local.begin(email);
    }
  }

  async fail(email: string): Promise<void> {
    const [count, lock] = this.keys(email);
    this.local.fail(email);
    await this.redis.eval(FAIL, { keys: [count, lock], arguments: [String(this.local.maxFailures), String(this.local.lockMs)] }).catch(() => undefined);
  }

  async succeed(email: string): Promise<void> {
    this.local.succeed(email);
    await this.redis.del(this.keys(email)[0]).catch(() => undefined);
  }

  private keys(email: string): [string, string] {
    const id = this.hash(email.trim().toLowerCase());
    return [`threshold:login:count:${id}`, `threshold:login:lock:${id}`];
  }
}
