// Issue 15: the language of each family member's screens and of the room display, set by the
// interventionist, stored, and carried to the screens: in the participant's view (`you.language`),
// the display's view (`language`) and the preparation routes (`language`, `?lang=`), live.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import type { DisplayView, ParticipantView } from '../../shared/meeting/view.js';

let server: Running;
let fx: Fixture;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer();
  fx = await createFixture(server.url);
});

afterAll(async () => {
  for (const c of clients) c.socket.disconnect();
  await server?.close();
});

async function open(auth: Record<string, unknown>, cookie?: string): Promise<Client> {
  const c = await Client.open(server.url, auth, cookie);
  clients.push(c);
  return c;
}

const patch = (id: string, body: unknown) => fx.api.request('PATCH', `/api/cases/${fx.caseId}/participants/${id}`, body);

test('issue 15: a participant’s language is set, validated, listed, and reaches their view live; others stay English', async () => {
  expect((await patch(fx.ids.ann, { language: 'fr' })).status).toBe(400);
  const set = await patch(fx.ids.ann, { language: 'es' });
  expect(set.body).toMatchObject({ id: fx.ids.ann, language: 'es' });
  const kase = await fx.api.get(`/api/cases/${fx.caseId}`);
  expect(kase.body.participants.map((p: { language: string }) => p.language)).toEqual(['es', 'en', 'en']);

  const ann = await open({ token: fx.tokenOf(fx.ids.ann) });
  const bob = await open({ token: fx.tokenOf(fx.ids.bob) });
  expect((ann.view as ParticipantView).you.language).toBe('es');
  expect((bob.view as ParticipantView).you).not.toHaveProperty('language');

  // Changed while they are connected: the screen follows at once, back to English here.
  await patch(fx.ids.ann, { language: 'en' });
  await ann.waitFor((v) => !('language' in (v as ParticipantView).you));
  await patch(fx.ids.ann, { language: 'es' });
  await ann.waitFor((v) => (v as ParticipantView).you.language === 'es');

  // Added with a language from the start.
  const added = await fx.api.post(`/api/cases/${fx.caseId}/participants`, { name: 'Dee', relationship: 'aunt', attendance: 'remote', language: 'es' });
  expect(added.status).toBe(201);
  expect((await fx.api.get(`/api/cases/${fx.caseId}`)).body.participants.at(-1)).toMatchObject({ name: 'Dee', language: 'es' });
});

test('issue 15: the room display’s language is per meeting, validated, and reaches the display live', async () => {
  const tv = await open({ token: fx.links.display.token });
  expect(tv.view).not.toHaveProperty('language');
  const put = (language: string) => fx.api.request('PUT', `/api/meetings/${fx.meetingId}/display-language`, { language });
  expect((await put('de')).status).toBe(400);
  expect((await put('es')).body).toEqual({ displayLanguage: 'es' });
  await tv.waitFor((v) => (v as DisplayView).language === 'es');
  expect((await fx.api.get(`/api/meetings/${fx.meetingId}`)).body.displayLanguage).toBe('es');
  // A display arriving later gets it in its first view.
  const second = await open({ token: fx.links.display.token });
  expect((second.view as DisplayView).language).toBe('es');
  // The facilitator's own view is not touched by it.
  const console_ = await open({ meetingId: fx.meetingId }, fx.api.cookie);
  expect(console_.view).not.toHaveProperty('language');
});

test('issue 15: the preparation routes answer in the person’s language, or the one asked for', async () => {
  const link = await fx.api.post(`/api/cases/${fx.caseId}/participants/${fx.ids.ann}/prepare-link`);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/prepare${path}`, {
      method,
      headers: { authorization: `Bearer ${link.body.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json() };
  };
  const es = await call('GET', '');
  expect(es.body).toMatchObject({ language: 'es', roleWords: ['Usted lee primero'] });
  expect(es.body.sections[0]).toEqual({ id: 'love', title: 'Lo que quiero y admiro de ti', prompt: 'Empiece por lo que quiere y admira de esa persona.' });
  expect((await call('GET', '?lang=en')).body).toMatchObject({ language: 'en', roleWords: ['You read first'] });
  expect((await call('GET', '?lang=xx')).body.language).toBe('es');
  const modules = (await call('GET', '/modules')).body.modules;
  expect(modules[0].title).toBe('Un problema de salud que tiene tratamiento');
  const wrong = await call('POST', '/modules/health-condition/done', { answer: 'a' });
  expect(wrong.status).toBe(409);
  expect(wrong.body.error.message).toMatch(/^No exactamente\. Querer dejarlo/);
  const right = await call('POST', '/modules/health-condition/done?lang=en', { answer: 'b' });
  expect(right.body.explanation).toMatch(/^Wanting to stop/);
});
