// Random command sequences from random senders (duplicated, reordered, stale,
// malformed) against the live server: its state always equals the machine's
// replay of the commands it accepted, and no role ever gets a command
// accepted that it may not send.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { replay } from '../../shared/meeting/agenda.js';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import { COMMAND_TYPES, type Ack } from '../../shared/protocol.js';
import { Api, Client, createFixture, startServer, type Running } from '../helpers/server.js';
import { payloads } from '../protocol/support.js';

let server: Running;
let api: Api;
beforeAll(async () => {
  server = await startServer({ SOCKET_MESSAGES_PER_SECOND: '10000' });
  api = (await createFixture(server.url)).api;
});
afterAll(() => server.close());

const SENDERS = ['facilitator', 'ann', 'bob', 'cy', 'display', 'guest'] as const;
type Sender = (typeof SENDERS)[number];
/** The commands that move a meeting forward, drawn more often so that runs reach the later phases. */
const AGENDA = ['meeting.start', 'turns.begin', 'turn.next', 'offer.present', 'offer.respond', 'bottomLines.begin', 'pause.end'] as const;
const PARTICIPANT_MAY = new Set(['participant.ready', 'signal.send', 'signal.withdraw', 'turn.done']);

const step = fc.record({
  // Mostly the facilitator, who moves the agenda; everyone else tries their luck.
  sender: fc.oneof({ weight: 5, arbitrary: fc.constant('facilitator' as Sender) }, { weight: 5, arbitrary: fc.constantFrom(...SENDERS) }),
  type: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...COMMAND_TYPES) },
    { weight: 6, arbitrary: fc.constantFrom(...AGENDA) },
    { weight: 1, arbitrary: fc.constantFrom('meeting.explode', '__proto__') },
  ),
  revision: fc.oneof({ weight: 8, arbitrary: fc.constant('current') }, { weight: 1, arbitrary: fc.constantFrom('stale', 'missing') }),
  reuse: fc.nat({ max: 9 }), // 0: repeat an earlier commandId
  junk: fc.nat({ max: 9 }).map((n) => n === 0), // one in ten carries an unknown field
});

let acceptedOverall = 0;
const codes: Record<string, number> = {};
const phasesReached = new Set<string>();

test('the live server equals the replay of what it accepted, and never accepts a forbidden sender', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), async (steps) => {
      const fx = await createFixture(server.url, { api });
      const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
      const clients: Record<Sender, Client> = {
        facilitator,
        ann: await Client.open(server.url, { token: fx.tokenOf(fx.ids.ann) }),
        bob: await Client.open(server.url, { token: fx.tokenOf(fx.ids.bob) }),
        cy: await Client.open(server.url, { token: fx.tokenOf(fx.ids.cy) }),
        display: await Client.open(server.url, { token: fx.links.display.token }),
        guest: await Client.open(server.url, { token: fx.links.remote.token, name: 'Guest' }),
      };
      try {
        const sent: string[] = [];
        const accepted = new Map<string, number>();
        const valid = payloads(fx.ids);
        for (const [i, s] of steps.entries()) {
          const commandId = s.reuse === 0 && sent.length > 0 ? sent[i % sent.length]! : `p-${fx.meetingId}-${i}`;
          sent.push(commandId);
          const payload = s.junk ? { surprise: 1 } : (valid[s.type as keyof typeof valid] ?? {});
          const current = clients.facilitator.view.revision;
          const body: Record<string, unknown> = { commandId, type: s.type, ...payload };
          if (s.revision === 'current') body.expectedRevision = current;
          if (s.revision === 'stale') body.expectedRevision = Math.max(0, current - 1);
          // Someone turned away at the lobby has been let go: they can send nothing more.
          if (!clients[s.sender].socket.connected) continue;
          let ack: Ack;
          try {
            ack = await clients[s.sender].raw(body);
          } catch (error) {
            if (clients[s.sender].socket.connected) throw error;
            continue; // let go (denied) while the command was on its way
          }
          codes[ack.ok ? 'OK' : ack.error.code] = (codes[ack.ok ? 'OK' : ack.error.code] ?? 0) + 1;
          if (!ack.ok) continue;
          if (accepted.has(commandId)) {
            // A repeat (same sender, same id) answers with the first revision, whatever it carries now.
            expect(ack.revision).toBe(accepted.get(commandId));
            continue;
          }
          // Nobody gets through who may not send this.
          expect(['display', 'guest']).not.toContain(s.sender);
          if (s.sender !== 'facilitator') expect(PARTICIPANT_MAY.has(s.type)).toBe(true);
          accepted.set(commandId, ack.revision);
        }
        const runtime = server.threshold.services.registry.peek(fx.meetingId)!;
        const record = await server.threshold.services.store.meetings.get(fx.meetingId);
        const events = await server.threshold.services.store.meetings.listEvents(fx.meetingId);
        expect(events).toHaveLength(accepted.size);
        expect(runtime.revision).toBe(accepted.size);
        const replayed = replay(record!.input, events.map((e) => e.event));
        expect(replayed.context).toEqual(runtime.context);
        const last = (await facilitator.waitFor((v) => v.revision === accepted.size)) as FacilitatorView;
        expect(last.phase).toBe(runtime.phase);
        acceptedOverall += accepted.size;
        phasesReached.add(runtime.phase);
      } finally {
        for (const c of Object.values(clients)) c.close();
      }
    }),
    { numRuns: 60 },
  );
  // The runs did real work, and met every kind of answer.
  for (const code of ['OK', 'INVALID', 'FORBIDDEN', 'STALE', 'NOT_ALLOWED']) expect(codes[code] ?? 0, code).toBeGreaterThan(0);
  expect(acceptedOverall).toBeGreaterThan(60);
  expect(phasesReached.size).toBeGreaterThanOrEqual(4);
}, 120_000);
