// Issue 17: the command suite (tests/protocol/commands.test.ts), run once
// against three processes on PostgreSQL and Redis behind a balancer. The
// suite's first three clients land one on each process (websockets take
// turns, tests/helpers/cluster.ts): the facilitator's process owns the
// meeting, Ann's tablet and the room display are each on another, so every
// command of theirs is forwarded to the owner and every view they hold
// crossed Redis. Each Ack, refusal and revision must be exactly what one
// server gives.
import { vi } from 'vitest';

// The suite's start hook starts PostgreSQL, Redis and three processes here: give it the time the others get.
vi.setConfig({ hookTimeout: 120_000 });
process.env.THRESHOLD_HARNESS = 'cluster';
process.env.THRESHOLD_CLUSTER_PROCESSES = '3';
await import('../protocol/commands.test.js');
