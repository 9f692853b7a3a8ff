// A tablet on bad Wi-Fi: cut off for 5 seconds, and for 3 minutes, while the
// meeting moves on. It must come back at the latest revision, and the
// facilitator must see it away within 15 seconds of the cut.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import { FlakyLink } from '../helpers/proxy.js';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';

let server: Running;
let fx: Fixture;
let facilitator: Client;

beforeAll(async () => {
  server = await startServer();
  fx = await createFixture(server.url);
  facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  for (const type of ['meeting.start', 'turns.begin']) expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
});
afterAll(async () => {
  facilitator.close();
  await server.close();
});

const presenceOf = (participantId: string) =>
  (facilitator.view as FacilitatorView).members.find((m) => m.participantId === participantId)?.presence;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tabletBehind(participantId: string) {
  const port = Number(new URL(server.url).port);
  const link = new FlakyLink(port);
  await link.start();
  const tablet = await Client.open(link.url, { token: fx.tokenOf(participantId) });
  await facilitator.waitFor(() => presenceOf(participantId) === 'connected');
  return { link, tablet };
}

test('cut off for 5 seconds: back at the latest revision', async () => {
  const { link, tablet } = await tabletBehind(fx.ids.ann);
  try {
    link.cutOff();
    expect(await facilitator.send({ type: 'turn.extend', seconds: 60 })).toMatchObject({ ok: true });
    expect(await facilitator.send({ type: 'turn.next' })).toMatchObject({ ok: true });
    const latest = facilitator.view.revision;
    await sleep(5_000);
    expect(tablet.view.revision).toBeLessThan(latest);
    link.restore();
    const caughtUp = await tablet.waitFor((v) => v.revision === latest, 15_000);
    expect(caughtUp.currentSpeakerId).toBe(fx.ids.bob);
  } finally {
    tablet.close();
    await link.close();
  }
}, 40_000);

test('cut off for 3 minutes: shown away within 15 s, back at the latest revision, shown connected again', async () => {
  const { link, tablet } = await tabletBehind(fx.ids.bob);
  try {
    const cutAt = Date.now();
    link.cutOff();
    await facilitator.waitFor(() => presenceOf(fx.ids.bob) === 'away', 20_000);
    expect(Date.now() - cutAt).toBeLessThanOrEqual(15_000);
    // The meeting goes on without the tablet for three minutes.
    for (const command of [{ type: 'turn.next' }, { type: 'pause.start', reason: 'needs-a-moment' }, { type: 'pause.end' }]) {
      await sleep(50_000);
      expect(await facilitator.send(command as never)).toMatchObject({ ok: true });
    }
    await sleep(Math.max(0, cutAt + 180_000 - Date.now()));
    const latest = facilitator.view.revision;
    link.restore();
    const caughtUp = await tablet.waitFor((v) => v.revision === latest, 20_000);
    expect(caughtUp.phase).toBe('speaking');
    expect(caughtUp.currentSpeakerId).toBe(fx.ids.cy);
    await facilitator.waitFor(() => presenceOf(fx.ids.bob) === 'connected', 10_000);
  } finally {
    tablet.close();
    await link.close();
  }
}, 260_000);
