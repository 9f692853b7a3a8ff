// The server process dies (SIGKILL, no cleanup) at the worst moments of a
// command's path: right after the log write, before anyone heard of it; and
// right after the broadcast, before the ack. After a restart nothing
// acknowledged is lost, and a retry with the same commandId applies once.
// SIGTERM is the gentle case: clients reconnect and resync within 5 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Client, createFixture } from '../helpers/server.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function meetingOn(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'threshold-fault-'));
  const port = await freePort();
  let server = new ServerProcess(port, dataDir, env);
  await server.start();
  const fx = await createFixture(server.url);
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  const ann = await Client.open(server.url, { token: fx.tokenOf(fx.ids.ann) });
  cleanups.push(async () => {
    facilitator.close();
    ann.close();
    await server.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  for (const type of ['meeting.start', 'turns.begin']) expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
  const restartWithout = async () => {
    server = new ServerProcess(port, dataDir);
    await server.start();
  };
  return { fx, facilitator, ann, server: () => server, restartWithout };
}

describe.each([
  ['after-write', 'the log write, before anyone heard of it'],
  ['after-broadcast', 'the broadcast, before the ack'],
])('SIGKILL right after %s', (failpoint, moment) => {
  test(`a command killed right after ${moment} is kept, and its retry applies once`, async () => {
    const m = await meetingOn({ THRESHOLD_FAILPOINT: `${failpoint}:turn.next` });
    const revision = m.facilitator.view.revision;
    const commandId = `killed-${failpoint}`;
    // The process dies mid-command: no ack ever comes.
    await expect(m.facilitator.send({ type: 'turn.next' }, revision, commandId)).rejects.toThrow();
    await m.restartWithout();

    // Everyone is back, at the revision the log holds: the write was durable.
    const back = (await m.facilitator.waitFor((v) => v.currentSpeakerId === m.fx.ids.bob, 10_000)) as FacilitatorView;
    expect(back.revision).toBe(revision + 1);
    await m.ann.waitFor((v) => v.revision === revision + 1, 10_000);

    // The facilitator never got an answer, so retries with the same id: it is not applied twice.
    expect(await m.facilitator.send({ type: 'turn.next' }, revision, commandId)).toEqual({ ok: true, revision: revision + 1 });
    await new Promise((r) => setTimeout(r, 200));
    expect(m.facilitator.view.revision).toBe(revision + 1);
    expect(m.facilitator.view.currentSpeakerId).toBe(m.fx.ids.bob);
  }, 60_000);
});

test('SIGTERM: clients reconnect and resync within 5 s, the facilitator keeps the role, the turn keeps its deadline', async () => {
  const m = await meetingOn({});
  const before = m.facilitator.view;
  const seen = { facilitator: m.facilitator.views.length, ann: m.ann.views.length };
  expect(await m.server().stop('SIGTERM')).toBe(0);
  await m.restartWithout();
  const listening = Date.now();
  const fac = await m.facilitator.waitFor(() => m.facilitator.views.length > seen.facilitator, 5_000);
  const ann = await m.ann.waitFor(() => m.ann.views.length > seen.ann, 5_000);
  expect(Date.now() - listening).toBeLessThan(5_000);
  expect(fac.role).toBe('facilitator');
  expect(fac.revision).toBe(before.revision);
  expect(ann.revision).toBe(before.revision);
  expect(fac.turnEndsAt).toBe(before.turnEndsAt);
  expect(await m.facilitator.send({ type: 'turn.next' })).toMatchObject({ ok: true });
}, 60_000);
