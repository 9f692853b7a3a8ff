// Newcomer's trial, family findings 1 and 2: a refused link says what a family page needs to speak
// to its person. Finding 1: after an emergency stop and the meeting's close, reloading a personal
// link of someone who was in it said only "This meeting has ended"; the refusal now carries
// `ended: 'safety-stop'` so the page keeps the crisis guidance, and nothing more (not for someone
// never let in, nor the room display). Finding 2: any refusal of a known link carries the language
// the interventionist set (`language`), so the page is not English to a Spanish person.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';

let server: Running;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function refusalOf(token: string): Promise<{ code?: string; language?: string; ended?: string; message: string }> {
  const client = Client.connect(server.url, { token });
  const error = (await client.connectError()) as Error & { data?: Record<string, string> };
  client.close();
  return { ...error.data, message: error.message };
}

describe('what a refused link carries', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(server.url);
    // Ann reads Spanish, as the interventionist set it.
    expect((await fx.api.request('PATCH', `/api/cases/${fx.caseId}/participants/${fx.ids.ann}`, { language: 'es' })).status).toBe(200);
  });

  test('family finding 2: a revoked link is refused in its person’s language; an unknown token names none', async () => {
    // A new link for Ann: the old one stops working.
    const annLink = fx.links.participants.find((l) => l.participantId === fx.ids.ann)!;
    expect((await fx.api.post(`/api/meetings/${fx.meetingId}/links/${annLink.id}/reissue`)).status).toBe(201);
    const oldToken = annLink.token;
    expect(await refusalOf(oldToken)).toMatchObject({ code: 'LINK_INVALID', language: 'es' });
    const unknown = await refusalOf('not-a-token-of-anyone');
    expect(unknown.code).toBe('LINK_INVALID');
    expect(unknown.language).toBeUndefined();
  });
});

describe('a meeting closed after an emergency stop', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(server.url);
    expect((await fx.api.request('PATCH', `/api/cases/${fx.caseId}/participants/${fx.ids.ann}`, { language: 'es' })).status).toBe(200);
    const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
    for (const type of ['meeting.start', 'emergency.stop', 'meeting.close']) expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
    facilitator.close();
  });

  test('family finding 1: someone who was in the room is told it ended in a safety stop, in their language', async () => {
    expect(await refusalOf(fx.tokenOf(fx.ids.ann))).toMatchObject({ code: 'LINK_EXPIRED', ended: 'safety-stop', language: 'es' });
    expect(await refusalOf(fx.tokenOf(fx.ids.bob))).toMatchObject({ code: 'LINK_EXPIRED', ended: 'safety-stop', language: 'en' });
  });

  test('family finding 1: nobody else learns of the stop: a remote person never let in, the room display', async () => {
    const cy = await refusalOf(fx.tokenOf(fx.ids.cy));
    expect(cy).toMatchObject({ code: 'LINK_EXPIRED', language: 'en' });
    expect(cy.ended).toBeUndefined();
    expect(cy.message).toBe('This meeting has ended. Thank you for being there.');
    const display = await refusalOf(fx.links.display.token);
    expect(display).toMatchObject({ code: 'LINK_EXPIRED', language: 'en' });
    expect(display.ended).toBeUndefined();
  });
});
