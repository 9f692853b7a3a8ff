// Shared pieces of the family preparation tests (issue 10): a case with its
// team, each person's preparation link, and a client that speaks with the
// link's token as a Bearer header, as the /prepare page does.
import { expect } from 'vitest';
import { caseFixture, patch, type CaseFixture } from './case-support.js';

/** Calls /api/prepare/* as the page does: `Authorization: Bearer <token>`, no cookie. */
export class Family {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  async request(method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
  get(path: string) {
    return this.request('GET', path);
  }
  put(path: string, body: unknown) {
    return this.request('PUT', path, body);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }
}

/** Issues a preparation link for `participantId`; returns the response body `{id, token, url}`. */
export async function prepareLink(fx: CaseFixture, participantId: string): Promise<{ id: string; token: string; url: string }> {
  const res = await fx.api.post(`/api/cases/${fx.caseId}/participants/${participantId}/prepare-link`);
  expect(res.status).toBe(201);
  return res.body;
}

/**
 * A case (Ann chair, Bob walk-out follower, Cy closer, Dee support) whose people have no typed
 * letters, and Ann's and Bob's preparation links as Family clients.
 */
export async function preparedCase(url: string, approach = 'love-first') {
  const fx = await caseFixture(url, undefined, approach);
  const roles: Array<[string, string[]]> = [[fx.ids.ann, ['chair']], [fx.ids.bob, ['walk-out-follower']], [fx.ids.cy, ['closer']], [fx.ids.dee, ['support']]];
  for (const [id, r] of roles) {
    expect((await patch(fx.api, `/api/cases/${fx.caseId}/participants/${id}`, { roles: r, letter: null })).status).toBe(200);
  }
  const ann = new Family(url, (await prepareLink(fx, fx.ids.ann)).token);
  const bob = new Family(url, (await prepareLink(fx, fx.ids.bob)).token);
  return { fx, ann, bob };
}

/** Long, distinctive texts, so that a search of the SQLite file cannot find them by chance. */
export const DRAFT = {
  first: 'Draft-one-pelican-crescent: you are an addict and you never listen to any of us',
  second: 'Draft-two-pelican-crescent: I love you, and on 3 March I saw you fall on the stairs',
  comment: 'Comment-tangerine-observatory: please leave out the word addict and add a date',
  bob: 'Bob-draft-velvet-horizon: the fishing trip in 2019 when you laughed all day',
};
