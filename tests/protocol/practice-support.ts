// Issue 16: a practice of several accounts, made the way a practice makes them:
// the admin (set-up's account) invites, and the colleague joins from the link.
import { expect } from 'vitest';
import { Api } from '../helpers/server.js';
import { PASSWORD } from './support.js';

/** The admin: set up and signed in. */
export async function admin(url: string, email = 'dana@example.org'): Promise<Api> {
  const api = new Api(url);
  const setup = await api.post('/api/setup', { name: 'Dana', email, password: PASSWORD });
  expect(setup.status).toBe(201);
  return api;
}

/** The token in an invitation's or reset link's fragment. */
export const tokenIn = (url: string) => new URL(url).hash.replace(/^#(token|reset)=/, '');

/** An invitation by `by` (the admin): its id and token. */
export async function invite(by: Api, email: string, role = 'interventionist') {
  const made = await by.post('/api/invitations', { email, role });
  expect(made.status).toBe(201);
  return { id: made.body.id as string, token: tokenIn(made.body.url), url: made.body.url as string };
}

/** A colleague invited by the admin who joined from the link: signed in, with their account id. */
export async function colleague(by: Api, name: string, email: string, role = 'interventionist'): Promise<{ api: Api; id: string }> {
  const { token } = await invite(by, email, role);
  const api = new Api(by.url);
  const joined = await api.post('/api/invitations/accept', { token, name, password: PASSWORD });
  expect(joined.status).toBe(201);
  return { api, id: joined.body.id as string };
}
