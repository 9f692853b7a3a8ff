// Issue 14: a facilitator's session is checked before each of their commands,
// but a yes is remembered for SESSION_ALIVE_CACHE_MS, so that a busy console
// costs no query per command. These pin what the memory must never weaken:
// the idle deadline still applies at once, an unlock or a logout is seen at
// once, and a session deleted behind this process's back lags by at most
// SESSION_ALIVE_CACHE_MS.
import { fastifyCookie } from '@fastify/cookie';
import Fastify from 'fastify';
import { expect, test } from 'vitest';
import { SESSION_ALIVE_CACHE_MS, SESSION_COOKIE, sessionsPlugin, type SessionsOptions } from '../../server/sessions.js';
import type { SessionRecord } from '../../server/store/types.js';
import { hashToken } from '../../server/security/secrets.js';

const MINUTE = 60_000;

/** The sessions plugin over a store in memory that counts its lookups, on a clock the test moves. */
async function sessionsApp() {
  const rows = new Map<string, SessionRecord>();
  const clock = { now: 1_000_000 };
  const lookups = { count: 0 };
  const store: SessionsOptions['store'] = {
    createSession: async (r) => void rows.set(r.idHash, { ...r }),
    findSession: async (idHash, now) => {
      lookups.count += 1;
      return (rows.get(idHash)?.expiresAt ?? 0) > now ? { ...rows.get(idHash)! } : undefined;
    },
    extendSession: async (idHash, expiresAt) => void (rows.get(idHash)!.expiresAt = expiresAt),
    deleteSession: async (idHash) => void rows.delete(idHash),
  };
  const app = Fastify();
  // The cookie plugin loads the parser that `end` reads the cookie with, as in the server.
  await app.register(fastifyCookie);
  await app.register(sessionsPlugin, { store, clock: () => clock.now, idleMinutes: 15, sessionHours: 12 });
  await app.ready();
  const { id } = await app.sessions.open('fac-1');
  return { app, clock, rows, lookups, id, idHash: hashToken(id) };
}

test('issue 14, case 1: commands within SESSION_ALIVE_CACHE_MS of a lookup cost no further query', async () => {
  const { app, clock, lookups, idHash } = await sessionsApp();
  expect(await app.sessions.alive(idHash)).toBe(true);
  const after = lookups.count;
  for (let i = 0; i < 20; i++) {
    clock.now += 100;
    expect(await app.sessions.alive(idHash)).toBe(true);
  }
  expect(lookups.count).toBe(after);
  // Past the cache time the store is asked again.
  clock.now += SESSION_ALIVE_CACHE_MS;
  expect(await app.sessions.alive(idHash)).toBe(true);
  expect(lookups.count).toBe(after + 1);
  await app.close();
});

test('issue 14, case 2: the idle deadline applies at once, whatever was remembered', async () => {
  const { app, clock, idHash } = await sessionsApp();
  clock.now += 15 * MINUTE - 1_000;
  expect(await app.sessions.alive(idHash)).toBe(true);
  // One second later, well within the cache time, the session is idle: no remembered yes passes.
  clock.now += 1_000;
  expect(await app.sessions.alive(idHash)).toBe(false);
  expect(await app.sessions.locked(idHash)).toMatchObject({ facilitatorId: 'fac-1' });
  // The password opens it again at once: a no is never remembered.
  expect(await app.sessions.unlock(idHash)).toBe(true);
  expect(await app.sessions.alive(idHash)).toBe(true);
  await app.close();
});

test('issue 14, case 3: logout and forget are seen at once; a deletion elsewhere within the cache time', async () => {
  const { app, clock, rows, id, idHash } = await sessionsApp();
  expect(await app.sessions.alive(idHash)).toBe(true);
  await app.sessions.end(`${SESSION_COOKIE}=${id}`);
  expect(await app.sessions.alive(idHash)).toBe(false);

  const other = await app.sessions.open('fac-1');
  const otherHash = hashToken(other.id);
  expect(await app.sessions.alive(otherHash)).toBe(true);
  // Deactivation and password changes delete in the store, then the hub closes the sockets and forgets.
  rows.delete(otherHash);
  app.sessions.forget(otherHash);
  expect(await app.sessions.alive(otherHash)).toBe(false);

  const third = await app.sessions.open('fac-1');
  const thirdHash = hashToken(third.id);
  expect(await app.sessions.alive(thirdHash)).toBe(true);
  // Deleted by another process sharing the store: seen once the cache time has passed.
  rows.delete(thirdHash);
  clock.now += SESSION_ALIVE_CACHE_MS;
  expect(await app.sessions.alive(thirdHash)).toBe(false);
  await app.close();
});
