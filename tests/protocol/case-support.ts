// Shared pieces of the case-file tests (issue 9): a signed-in facilitator with
// a case of four planned participants and no meeting yet, and the bodies that
// walk a case through its stages. Long, distinctive strings stand for the
// health data, so that a search of the SQLite file cannot find them by chance.
import { expect } from 'vitest';
import { Api } from '../helpers/server.js';
import { PASSWORD } from './support.js';

export const SECRET = {
  assessmentNote: 'Assessment-notes-zebra-quartz: drinks alone in the garage every night',
  dynamics: 'Family-dynamics-walnut-lantern: the father pays every debt quietly',
  objection: 'Objection-text-marigold-harbor: I cannot leave my job this month',
  response: 'Response-text-juniper-compass: your manager already agreed to the leave',
  waiver: 'Waiver-reason-cobalt-meadow: the family decided against a walk-out plan',
  approachReason: 'Approach-reason-saffron-glacier: the family insists on a letter meeting',
  cancelNote: 'Cancel-note-thistle-orchard: he drove himself to detox on Sunday',
};

export interface CaseFixture {
  api: Api;
  caseId: string;
  ids: { ann: string; bob: string; cy: string; dee: string };
}

/** `api.request` with a JSON body, for the verbs the helper has no shortcut for. */
export const put = (api: Api, path: string, body: unknown) => api.request('PUT', path, body);
export const patch = (api: Api, path: string, body: unknown) => api.request('PATCH', path, body);

/** Signs in (setting up the account on first use) and makes a case with Ann, Bob, Cy (remote) and Dee. */
export async function caseFixture(url: string, api = new Api(url), approach = 'love-first'): Promise<CaseFixture> {
  if (!api.cookie) {
    const setup = await api.post('/api/setup', { name: 'Dana', email: 'dana@example.org', password: PASSWORD });
    if (setup.status === 409) expect((await api.post('/api/login', { email: 'dana@example.org', password: PASSWORD })).status).toBe(200);
  }
  const kase = await api.post('/api/cases', { lovedOneName: 'Sam', approach });
  expect(kase.status).toBe(201);
  const caseId = kase.body.id as string;
  const add = async (name: string, attendance: string) => {
    const res = await api.post(`/api/cases/${caseId}/participants`, { name, relationship: 'family', attendance, letter: `${name}-letter` });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const ids = { ann: await add('Ann', 'in-room'), bob: await add('Bob', 'in-room'), cy: await add('Cy', 'remote'), dee: await add('Dee', 'in-room') };
  return { api, caseId, ids };
}

/** An assessment that satisfies intake and the assessment stage, with no safety flag raised. */
export function calmAssessment(extra: Record<string, unknown> = {}) {
  return {
    lovedOne: { preferredName: 'Sam', firstCaller: 'Ann', firstCallerRelationship: 'sister' },
    substances: [{ substance: 'cannabis', pattern: 'weekly' }],
    mentalHealth: { suicidality: 'none-known' },
    safety: {
      violenceHistory: false, threatsToFamily: false, weaponsAccess: false, withdrawalSeizuresOrDTs: false,
      overdoseHistory: false, naloxoneAvailable: false, pregnant: false,
    },
    ...extra,
  };
}

/** Roles for a plan that is ready: Ann chair, Bob walk-out follower, Cy closer, Dee support. */
export async function assignRoles(fx: CaseFixture): Promise<void> {
  const roles: Array<[string, string[]]> = [[fx.ids.ann, ['chair']], [fx.ids.bob, ['walk-out-follower', 'objection-responder']], [fx.ids.cy, ['closer']], [fx.ids.dee, ['support']]];
  for (const [id, r] of roles) expect((await patch(fx.api, `/api/cases/${fx.caseId}/participants/${id}`, { roles: r })).status).toBe(200);
}

/** Moves the case one stage; returns the response. */
export const move = (fx: CaseFixture, to: string, extra: Record<string, unknown> = {}) =>
  fx.api.post(`/api/cases/${fx.caseId}/stage`, { to, ...extra });
