// Issue 17: the privacy suite (tests/protocol/privacy.test.ts), run once
// against two processes on PostgreSQL and Redis behind a balancer: each new
// websocket goes to the next process (tests/helpers/cluster.ts), so part of
// the meeting's people are on a process that does not own it. What each connection received must be
// exactly what it receives from one server.
//
// One difference the suite does not expect from one server: an Ack reaches its
// sender before another process has relayed the same change to its own
// clients (each process reads the Redis stream at its own pace). A console
// that acts at once on the view it holds can then be answered STALE, and does
// what the protocol says: waits for the newer view and decides again. The
// suite's clients do the same here, with a new commandId.
import { vi } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { Client } from '../helpers/server.js';

const send = Client.prototype.send;
Client.prototype.send = async function (this: Client, payload, expectedRevision = this.view.revision, commandId) {
  const ack: Ack = await send.call(this, payload, expectedRevision, commandId);
  if (ack.ok || ack.error.code !== 'STALE' || expectedRevision === null || ack.revision <= expectedRevision) return ack;
  await this.waitFor((v) => v.revision >= ack.revision);
  return send.call(this, payload, this.view.revision);
};

// The suite's start hook starts PostgreSQL, Redis and two processes here: give it the time the others get.
vi.setConfig({ hookTimeout: 120_000 });
process.env.THRESHOLD_HARNESS = 'cluster';
await import('../protocol/privacy.test.js');
