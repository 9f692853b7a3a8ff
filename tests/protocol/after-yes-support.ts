// Shared pieces of the after-a-yes tests (issue 11, section 3): a meeting that
// ends with a chosen outcome over real sockets, with Cy (remote) let in, and
// the complete consent form a facilitator sends.
import { expect } from 'vitest';
import type { Client, Fixture } from '../helpers/server.js';
import type { Harness } from './support.js';

/** Opens the facilitator and Cy (remote, admitted), starts the meeting and ends it with `outcome`. */
export async function endedMeeting(h: Harness, fx: Fixture, outcome: 'accepted' | 'declined' = 'accepted'): Promise<{ facilitator: Client; cy: Client }> {
  const facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  const cy = await h.open({ token: fx.tokenOf(fx.ids.cy) });
  await facilitator.waitFor((v) => v.role === 'facilitator' && v.lobby.some((e) => e.participantId === fx.ids.cy));
  expect(await facilitator.send({ type: 'lobby.admit', participantId: fx.ids.cy })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'meeting.end', outcome })).toMatchObject({ ok: true });
  await cy.waitFor((v) => v.phase === 'outcome');
  return { facilitator, cy };
}

/** Distinctive words, so that a search of the SQLite file cannot find them by chance. */
export const CONSENT_SECRET = {
  patient: 'Samuel Quartz-Pelican',
  program: 'Juniper-Ridge Recovery Center',
  typedName: 'Samuel Quartz-Pelican signing',
  revokeHow: 'Write to Juniper-Ridge records office, 12 Lantern Way',
};

/** A form with every §2.31 element. */
export function completeForm(): Record<string, unknown> {
  return {
    patientName: CONSENT_SECRET.patient,
    disclosingProgram: CONSENT_SECRET.program,
    information: ['admission confirmation', 'attendance', 'discharge date and plan'],
    recipients: [{ name: 'Dana, the interventionist', relationship: 'interventionist' }, { name: 'Ann', relationship: 'sister' }],
    purpose: 'So that the family and the interventionist know he arrived and can support his treatment',
    expiresAt: { event: 'discharge from treatment' },
    rightToRevoke: { how: CONSENT_SECRET.revokeHow },
  };
}

/** A signature with the typed name alone (as a keyboard user signs) and both acknowledgements. */
export function signing(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    signature: { typedName: CONSENT_SECRET.typedName, drawing: null },
    rightToRevoke: { acknowledged: true },
    notConditioned: { acknowledged: true },
    ...extra,
  };
}

/** The token in a consent's url (`…/consent#token=…`). */
export const tokenOfUrl = (url: string) => new URL(url).hash.replace('#token=', '');
