// Limits that keep one misbehaving device from hurting a meeting: a flood of
// messages, and links that outlive their purpose.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';

describe('a flood of commands from one tablet', () => {
  let server: Running;
  let fx: Fixture;
  let other: Fixture;

  beforeAll(async () => {
    server = await startServer();
    fx = await createFixture(server.url);
    other = await createFixture(server.url);
  });
  afterAll(() => server.close());

  test('is answered RATE_LIMITED past its budget, while other meetings keep being served', async () => {
    const ann = await Client.open(server.url, { token: fx.tokenOf(fx.ids.ann) });
    const elsewhere = await Client.open(server.url, { meetingId: other.meetingId }, other.api.cookie);
    try {
      const before = ann.view.revision;
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          ann.socket.timeout(20_000).emitWithAck('meeting:command', { commandId: `flood-${i}`, type: 'signal.send', kind: 'want-to-speak' }) as Promise<Ack>,
        ),
      );
      const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
      expect(limited.length).toBeGreaterThan(100);
      expect(limited[0]).toMatchObject({ error: { message: expect.stringMatching(/wait a moment/) } });
      const accepted = answers.filter((a) => a.ok).length;
      // Nothing refused was applied: the revision moved by the accepted ones only.
      await ann.waitFor((v) => v.revision === before + accepted);
      expect(await elsewhere.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
    } finally {
      ann.close();
      elsewhere.close();
    }
  });

  test('that goes on regardless closes the connection', async () => {
    const bob = await Client.open(server.url, { token: fx.tokenOf(fx.ids.bob) });
    const closed = new Promise<string>((resolve) => bob.socket.once('disconnect', resolve));
    for (let i = 0; i < 600; i++) bob.socket.emit('noise', 'x');
    expect(await closed).toBe('io server disconnect');
    bob.close();
  });
});

describe('link lifetimes', () => {
  let now = Date.now();
  let server: Running;
  let fx: Fixture;

  beforeAll(async () => {
    server = await startServer({ LINK_MAX_AGE_HOURS: '48' }, undefined, () => now);
    fx = await createFixture(server.url);
  });
  afterAll(() => server.close());

  test('a link older than its maximum age is refused with a clear message', async () => {
    const fresh = await Client.open(server.url, { token: fx.tokenOf(fx.ids.ann) });
    fresh.close();
    now += 49 * 3_600_000;
    const late = Client.connect(server.url, { token: fx.tokenOf(fx.ids.ann) });
    const error = await late.connectError();
    late.close();
    expect(error.data?.code).toBe('LINK_EXPIRED');
    expect(error.message).toMatch(/expired/);
    now -= 49 * 3_600_000;
  });

  test('once the meeting is closed its links open nothing, while the facilitator can still look back', async () => {
    const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
    for (const type of ['emergency.stop', 'meeting.close']) expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
    facilitator.close();
    for (const token of [fx.tokenOf(fx.ids.bob), fx.links.display.token]) {
      const client = Client.connect(server.url, { token });
      const error = await client.connectError();
      client.close();
      expect(error.data?.code).toBe('LINK_EXPIRED');
      expect(error.message).toMatch(/ended/);
    }
    const again = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
    expect(again.view.phase).toBe('closed');
    again.close();
  });
});
