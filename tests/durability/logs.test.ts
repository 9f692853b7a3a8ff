// Logs are read by whoever runs the server, and end up in places health data
// must not: run a whole meeting against a real process and search every line
// it printed for the names, letters, notes and tokens the meeting used.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Client, createFixture, PRIVATE, type Fixture } from '../helpers/server.js';

let dataDir: string;
let server: ServerProcess;
let fx: Fixture;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'threshold-logs-'));
  // debug, the chattiest level, so that the test covers every line the server can print.
  server = new ServerProcess(await freePort(), dataDir, { LOG_LEVEL: 'debug' });
  await server.start();
  fx = await createFixture(server.url);
});
afterAll(async () => {
  await server.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test('a whole meeting leaves no names, letters, notes or tokens in the logs', async () => {
  const note = 'Outcome-note: admitted to Riverside detox';
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  const ann = await Client.open(server.url, { token: fx.tokenOf(fx.ids.ann) });
  const guest = await Client.open(server.url, { token: fx.links.remote.token, name: 'Guest-Name-Marigold' });
  const refused = Client.connect(server.url, { token: 'not-a-real-token-Zq9' });
  await refused.connectError();
  refused.close();
  try {
    const waiting = await facilitator.waitFor((v) => v.role === 'facilitator' && v.lobby.length === 1);
    if (waiting.role !== 'facilitator') throw new Error('unreachable');
    const f = (payload: Record<string, unknown>) => facilitator.send(payload as never);
    expect(await f({ type: 'lobby.admit', participantId: waiting.lobby[0]!.participantId })).toMatchObject({ ok: true });
    expect(await ann.send({ type: 'signal.send', kind: 'need-a-moment' }, null)).toMatchObject({ ok: true });
    for (const type of ['meeting.start', 'turns.begin']) expect(await f({ type })).toMatchObject({ ok: true });
    expect(await f({ type: 'pause.start', reason: 'conflict' })).toMatchObject({ ok: true });
    expect(await f({ type: 'pause.end' })).toMatchObject({ ok: true });
    expect(await f({ type: 'offer.present' })).toMatchObject({ ok: true });
    expect(await f({ type: 'offer.respond', response: 'declined', note: 'Offer-note: worried about work' })).toMatchObject({ ok: true });
    expect(await f({ type: 'meeting.end', outcome: 'accepted', note })).toMatchObject({ ok: true });
    // A refused command with private text in it must not be echoed either.
    expect(await f({ type: 'meeting.end', outcome: 'nonsense', note: 'Refused-note: secret' })).toMatchObject({ ok: false });
    expect(await f({ type: 'meeting.close' })).toMatchObject({ ok: true });
    await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dana@example.org', password: 'Wrong-password-Pw1' }),
    });
  } finally {
    facilitator.close();
    ann.close();
    guest.close();
  }
  await new Promise((r) => setTimeout(r, 200));

  const output = server.output;
  expect(output).toContain('command accepted'); // the logs were captured at all
  const secrets = [
    ...Object.values(PRIVATE),
    'Ann', 'Bob', 'Sam', 'Dana', 'dana@example.org', 'Guest-Name-Marigold',
    note, 'Offer-note', 'Refused-note', 'Wrong-password-Pw1', 'correct horse battery', 'not-a-real-token-Zq9',
    fx.links.remote.token, fx.links.display.token, ...fx.links.participants.map((l) => l.token),
    ...guest.credentials.map((c) => c.token),
    fx.api.cookie.split('=')[1]!,
  ];
  for (const secret of secrets) expect(output, `log contains "${secret}"`).not.toContain(secret);
});
