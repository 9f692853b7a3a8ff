// issue 13, item 8: a second device on one tablet link went unnoticed; both
// showed the private letter and the console said only "Connected". The links
// list now counts each link's devices, and every device on a link hears how
// many screens hold it (`link:devices`).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Harness, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
});
afterAll(() => h.close());

const devicesOf = async (linkId: string): Promise<number> => {
  const res = await fx.api.get(`/api/meetings/${fx.meetingId}`);
  return (res.body.links as Array<{ id: string; devices: number }>).find((l) => l.id === linkId)!.devices;
};

/** The next `link:devices` this client hears. */
function nextDevices(client: Client, timeoutMs = 3000): Promise<{ devices: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no link:devices')), timeoutMs);
    client.socket.once('link:devices', (payload: { devices: number }) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

test('issue 13, item 8: the links list says how many devices hold each link', async () => {
  const annLink = fx.links.participants.find((l) => l.participantId === fx.ids.ann)!;
  expect(await devicesOf(annLink.id)).toBe(0);
  const tablet = await h.open({ token: annLink.token });
  expect(await devicesOf(annLink.id)).toBe(1);
  const phone = await h.open({ token: annLink.token });
  expect(await devicesOf(annLink.id)).toBe(2);
  phone.close();
  await new Promise((r) => setTimeout(r, 200));
  expect(await devicesOf(annLink.id)).toBe(1);
  tablet.close();
});

test('issue 13, item 8: the first device hears when another opens its link, and when it leaves', async () => {
  const bobLink = fx.links.participants.find((l) => l.participantId === fx.ids.bob)!;
  const tablet = await h.open({ token: bobLink.token });
  const told = nextDevices(tablet);
  const phone = await h.open({ token: bobLink.token });
  expect(await told).toEqual({ devices: 2 });
  const again = nextDevices(tablet);
  phone.close();
  expect(await again).toEqual({ devices: 1 });
  tablet.close();
});

test('issue 13, item 8: the console hears each link\'s device count as it changes', async () => {
  const facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  const cyLink = fx.links.participants.find((l) => l.participantId === fx.ids.cy)!;
  const heard: Array<{ linkId: string; devices: number }> = [];
  facilitator.socket.on('link:devices', (d: { linkId: string; devices: number }) => heard.push(d));
  const one = await h.open({ token: cyLink.token });
  const two = await h.open({ token: cyLink.token });
  await new Promise((r) => setTimeout(r, 200));
  expect(heard).toEqual([{ linkId: cyLink.id, devices: 1 }, { linkId: cyLink.id, devices: 2 }]);
  for (const c of [one, two, facilitator]) c.close();
});
