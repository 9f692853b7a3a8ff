// Presence after a tablet closes (a newcomer's trial, item 3): the console's
// People panel kept a closed tablet at "Reconnecting" for the rest of the
// meeting, because a member seen once and gone stayed `away` for good. Now
// `away` lasts only the reconnect grace (PRESENCE_GRACE_SECONDS), then the
// member shows `left`; a device coming back within the grace is simply
// `connected` again, and one coming back later is too.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import { Harness, type Client, type Fixture } from './support.js';

const GRACE_SECONDS = 2;
const h = new Harness();
let fx: Fixture;
let facilitator: Client;
let facilitatorV2: Client;

beforeAll(async () => {
  await h.start({ PRESENCE_GRACE_SECONDS: String(GRACE_SECONDS) });
  fx = await h.fixture();
  facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  facilitatorV2 = await h.open({ meetingId: fx.meetingId, protocol: 2 }, fx.api.cookie);
});
afterAll(() => h.close());

const presenceOf = (participantId: string) => (v: unknown) =>
  (v as FacilitatorView).members.find((m) => m.participantId === participantId)?.presence;

describe('presence after a device leaves', () => {
  test('trial item 3, case 1: a closed tablet shows away during the grace, then left, on v1 and v2 consoles', async () => {
    const tablet = await h.open({ token: fx.tokenOf(fx.ids.bob) });
    await facilitator.waitFor((v) => presenceOf(fx.ids.bob)(v) === 'connected');
    const closedAt = Date.now();
    tablet.close();
    await facilitator.waitFor((v) => presenceOf(fx.ids.bob)(v) === 'away');
    await facilitator.waitFor((v) => presenceOf(fx.ids.bob)(v) === 'left', GRACE_SECONDS * 1000 + 3000);
    // Not before the grace has passed: a reconnect was still plausible until then.
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000 - 100);
    await facilitatorV2.waitFor((v) => presenceOf(fx.ids.bob)(v) === 'left', 2000);
    // Someone who never came is still told apart from someone who left.
    expect(presenceOf(fx.ids.ann)(facilitator.view)).toBe('never-joined');

    // Coming back after the grace: connected again.
    const again = await h.open({ token: fx.tokenOf(fx.ids.bob) });
    await facilitator.waitFor((v) => presenceOf(fx.ids.bob)(v) === 'connected');
    again.close();
  }, 15_000);

  test('trial item 3, case 2: a tablet that reconnects within the grace never shows left', async () => {
    const tablet = await h.open({ token: fx.tokenOf(fx.ids.cy) });
    await facilitator.waitFor((v) => presenceOf(fx.ids.cy)(v) === 'connected');
    tablet.socket.disconnect();
    await facilitator.waitFor((v) => presenceOf(fx.ids.cy)(v) === 'away');
    await new Promise((resolve) => setTimeout(resolve, (GRACE_SECONDS * 1000) / 2));
    tablet.socket.connect();
    await facilitator.waitFor((v) => presenceOf(fx.ids.cy)(v) === 'connected');
    // The first departure's grace ends now: it must not mark the returned tablet as left.
    const seen = facilitator.views.length;
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000));
    expect(facilitator.views.slice(seen).map(presenceOf(fx.ids.cy)).filter((p) => p !== 'connected')).toEqual([]);
    expect(presenceOf(fx.ids.cy)(facilitator.view)).toBe('connected');
    tablet.close();
  }, 15_000);
});
