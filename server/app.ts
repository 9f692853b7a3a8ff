// Builds the Threshold server: Fastify for HTTP, Socket.IO attached to
// Fastify's own server, one runtime per live meeting, SQLite underneath (or
// PostgreSQL with DATABASE_URL: server/store/open.ts).
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { Cluster } from './cluster/cluster.js';
import { lanAddresses, type Config } from './config.js';
import { afterCareRoutes } from './http/after-care.js';
import { authRoutes } from './http/auth.js';
import { caseRoutes } from './http/cases.js';
import { clientRoutes } from './http/client.js';
import { installErrorHandler, parserErrorHandler, routerErrorHandler } from './http/errors.js';
import { hardenedHeaders, securityHeaders } from './http/headers.js';
import { letterRoutes } from './http/letters.js';
import { linkRoutes } from './http/links.js';
import { practiceRoutes } from './http/practice.js';
import { prepareRoutes } from './http/prepare.js';
import { meetingRoutes } from './http/meetings.js';
import { reportRoutes } from './http/report.js';
import { consentRoutes } from './http/consents.js';
import { consentSigningRoutes } from './http/consent-sign.js';
import { transitionRoutes } from './http/transition.js';
import { familyNews } from '../shared/case/transition.js';
import { beginAfterCare } from './meetings/after-outcome.js';
import { MeetingRegistry } from './meetings/registry.js';
import { RealtimeHub } from './realtime/hub.js';
import { guestLobby } from './realtime/guests.js';
import { realtimePlugin } from './realtime/plugin.js';
import type { Services } from './services.js';
import { sessionsPlugin } from './sessions.js';
import { ORIGIN_REFUSED, originAllowed } from './security/origin.js';
import { VaultError } from './security/vault.js';
import { openStore } from './store/open.js';
import { SqliteStore } from './store/sqlite.js';
import type { Store } from './store/types.js';
import { placeReader } from './meetings/place.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface BuildOptions {
  config: Config;
  store?: Store;
  clock?: () => number;
}

export interface Threshold {
  app: FastifyInstance;
  services: Services;
  hub: RealtimeHub;
  /** Every route as registered (method, URL pattern): the authorization matrix walks it, so no route escapes it (issue 16). */
  routes: ReadonlyArray<{ method: string; url: string }>;
}

export async function buildServer({ config, store, clock = Date.now }: BuildOptions): Promise<Threshold> {
  const headers = hardenedHeaders(config);
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // One line per request at `info` drowned everything else (783 lines in 20
    // minutes); they are logged at `debug` below instead (issue 13, item 21).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    // Errors raised before any route or hook runs answer in our shape, with our headers (issue 12, case 15).
    frameworkErrors: routerErrorHandler(headers),
    clientErrorHandler: parserErrorHandler(headers),
  });
  app.addHook('onRequest', async (request) => request.log.debug({ req: request }, 'incoming request'));
  app.addHook('onResponse', async (request, reply) =>
    request.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed'),
  );
  // The one line a self-hoster must not miss: losing the key loses every record (issue 13, item 21).
  const onKeyCreated = (keyFile: string) =>
    app.log.warn(
      { keyFile },
      `created a new encryption key in ${keyFile}: back it up now, apart from the data directory and its backups; without it the records cannot be read (docs/reliability.md)`,
    );
  const storage = store ?? (await openStore(config, {
    onKeyCreated,
    // Only the code: a driver's message may quote a statement.
    onDatabaseError: (error) => app.log.error({ err: { code: (error as { code?: string }).code } }, 'the database connection failed; queries answer UNAVAILABLE until it is back'),
  }));
  if (storage instanceof SqliteStore) {
    storage.onFileLost(() =>
      app.log.error({}, 'the database file was deleted or replaced while running: answering UNAVAILABLE; stop the server and restore the database from a backup (docs/reliability.md)'),
    );
  }
  // Several processes sharing the database (REDIS_URL, issue 17): meetings are owned one by one.
  const cluster = config.redisUrl && config.databaseUrl
    ? await Cluster.connect(config.redisUrl, config.databaseUrl, app.log).catch(async (error: Error) => {
      await storage.close();
      throw new VaultError(error.message);
    })
    : null;
  const hub = new RealtimeHub(app.log);
  const baseUrl = () => {
    if (config.publicUrl) return config.publicUrl;
    const port = (app.server.address() as AddressInfo | null)?.port ?? config.port;
    return `http://${lanAddresses()[0] ?? 'localhost'}:${port}`;
  };
  const services: Services = {
    config,
    store: storage,
    clock,
    baseUrl,
    realtime: hub,
    shared: cluster ? cluster.limits(clock) : undefined,
    registry: new MeetingRegistry({
      store: storage,
      transport: cluster ? cluster.transport(hub) : hub,
      ownership: cluster ?? undefined,
      settled: cluster ? () => cluster.settled() : undefined,
      clock,
      log: app.log,
      presenceGraceMs: config.presenceGraceSeconds * 1000,
      onGuestDenied: async (meetingId, participantId) => {
        const links = await storage.links.list(meetingId);
        const ids = links.filter((l) => l.kind === 'guest' && l.participantId === participantId).map((l) => l.id);
        await storage.links.revoke(ids, clock());
      },
      placeOf: placeReader(storage.logistics, clock),
      onGuestLeft: (meetingId, participantId) => guestLobby(services).left(meetingId, participantId, app.log),
      familyNews: async (caseId, meetingId) => {
        const saved = await storage.transitions.get(caseId);
        return saved?.meetingId === meetingId ? familyNews(saved.checklist) : null;
      },
      // Issue 11: an outcome moves the case to after-care and schedules its follow-ups.
      onOutcome: (meeting, outcome) => beginAfterCare({ store: storage, log: app.log, clock, callTime: { timeZone: config.practiceTimeZone, time: config.followUpTime } }, meeting, outcome),
    }),
  };

  const routes: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  await securityHeaders(app, config);
  await app.register(fastifyCookie);
  await app.register(sessionsPlugin, { store: storage.accounts, clock, idleMinutes: config.idleMinutes, sessionHours: config.sessionHours });
  app.addHook('onRequest', async (request, reply) => {
    if (STATE_CHANGING.has(request.method) && !originAllowed(request.headers, config.allowedOrigins)) {
      return reply.code(403).send({ error: { code: 'FORBIDDEN_ORIGIN', message: ORIGIN_REFUSED } });
    }
  });
  installErrorHandler(app);
  app.get('/api/health', async () => ({ status: 'ok' }));
  // Readiness, for a load balancer: the database answers, and Redis too when processes share meetings (docs/protocol.md).
  app.get('/api/ready', async (_request, reply) => {
    const database = await storage.meetings.get('ready-check').then(() => true, () => false);
    const redis = cluster ? await cluster.ready() : null;
    const ready = database && redis !== false;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'unavailable',
      database: database ? 'ok' : 'unavailable',
      ...(redis !== null && { redis: redis ? 'ok' : 'unavailable' }),
    });
  });
  await app.register(authRoutes(services));
  // Issue 16: accounts, invitations and reset links.
  await app.register(practiceRoutes(services));
  await app.register(caseRoutes(services));
  await app.register(meetingRoutes(services));
  await app.register(reportRoutes(services));
  // After-care (issue 11, sections 4 and 5).
  await app.register(afterCareRoutes(services));
  await app.register(linkRoutes(services));
  // The family preparation (issue 10): the interventionist's side, and the family's Bearer routes.
  await app.register(letterRoutes(services));
  await app.register(prepareRoutes(services));
  // After a yes (issue 11, section 3): the transition checklist, and consents with their signing page's routes.
  await app.register(transitionRoutes(services));
  await app.register(consentRoutes(services));
  await app.register(consentSigningRoutes(services));
  await app.register(clientRoutes(services));

  await app.register(realtimePlugin, { hub, services });
  cluster?.attach(app.io, services.registry, guestLobby(services));
  const restored = await services.registry.restoreAll();
  app.log.info({ meetings: restored }, 'meetings restored');
  await guestLobby(services).afterStart(app.log);

  app.addHook('onClose', async () => {
    guestLobby(services).close();
    await cluster?.close();
    await storage.close();
  });
  return { app, services, hub, routes };
}
