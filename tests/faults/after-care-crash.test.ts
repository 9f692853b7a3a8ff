// Issue 11: the server process dies (SIGKILL) right after a meeting's outcome
// is written, before anything else happened: no stage move, no follow-up. At
// the next start the registry restores the meeting and begins its after-care;
// a retry of the same command and another start add nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Api, Client, createFixture } from '../helpers/server.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

test('issue 11, case 16: an outcome killed right after its write gets its after-care at the next start, once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'threshold-fault-aftercare-'));
  const port = await freePort();
  let server = new ServerProcess(port, dataDir, { THRESHOLD_FAILPOINT: 'after-write:meeting.end' });
  await server.start();
  const fx = await createFixture(server.url);
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  cleanups.push(async () => {
    facilitator.close();
    await server.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  const revision = facilitator.view.revision;
  await expect(facilitator.send({ type: 'meeting.end', outcome: 'declined' }, revision, 'killed-outcome')).rejects.toThrow();

  const restart = async () => {
    server = new ServerProcess(port, dataDir);
    await server.start();
    const api = new Api(server.url);
    expect((await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
    return api;
  };
  let api = await restart();
  expect((await api.get(`/api/cases/${fx.caseId}/stage`)).body.stage).toBe('after-care');
  const first = (await api.get(`/api/cases/${fx.caseId}/follow-ups`)).body.followUps;
  expect(first).toHaveLength(9);
  expect((await api.get(`/api/cases/${fx.caseId}/next-steps`)).body.commitments).toHaveLength(2);

  // The console retries the command it never heard back about: the first answer, nothing new.
  await facilitator.waitFor((v) => v.phase === 'outcome', 10_000);
  expect(await facilitator.send({ type: 'meeting.end', outcome: 'declined' }, revision, 'killed-outcome')).toEqual({ ok: true, revision: revision + 1 });
  await server.stop('SIGTERM');
  api = await restart();
  expect((await api.get(`/api/cases/${fx.caseId}/follow-ups`)).body.followUps).toEqual(first);
  expect((await api.get(`/api/cases/${fx.caseId}/stage`)).body.history).toHaveLength(1);
}, 60_000);
