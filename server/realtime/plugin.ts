// Socket.IO registered the way Fastify's own plugins are: the server is
// created on Fastify's HTTP server when the plugin loads, exposed as `app.io`,
// and closed in preClose (an open websocket would otherwise keep `app.close()`
// waiting forever).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Server } from 'socket.io';
import type { Services } from '../services.js';
import type { RealtimeHub } from './hub.js';

export interface RealtimeOptions {
  hub: RealtimeHub;
  services: Services;
}

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
  }
}

/** Registers `app.io`; needs the sessions plugin first. Throws at registration without a hub or services. */
export const realtimePlugin = fp<RealtimeOptions>(
  async (app: FastifyInstance, { hub, services }) => {
    if (!hub || !services) throw new Error('realtime: a hub and the services are required');
    app.decorate('io', hub.attach(app.server, services, app.sessions));
    app.addHook('preClose', async () => {
      // Commands in flight finish, and are acknowledged, before the connections close.
      await services.registry.drain();
      hub.shutdown();
    });
  },
  { name: 'threshold-realtime', fastify: '5.x', dependencies: ['threshold-sessions'] },
);
