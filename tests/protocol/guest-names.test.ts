// Issue 12, case 3: misleading guest names. A name from the shared remote link
// is cleaned (NFC; no control, bidirectional-override or zero-width characters;
// one space between words), refused when nothing is left or when it passes for
// the facilitator, and a guest is marked as a guest wherever their name shows,
// so that a guest "Ann" is never taken for the planned Ann.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DisplayView, FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { codeOf, command, Harness, type Client, type Fixture } from './support.js';

const h = new Harness();
let fx: Fixture;
let facilitator: Client;

beforeAll(async () => {
  await h.start();
  fx = await h.fixture();
  facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
});
afterAll(() => h.close());

const fview = () => facilitator.view as FacilitatorView;
const join = (name: unknown) => h.open({ token: fx.links.remote.token, name });

describe('issue 12, case 3: names are cleaned before anyone sees them', () => {
  test('control, bidi-override and zero-width characters go, spaces collapse, and the name is NFC', async () => {
    // U+202E would show "ecilA" reversed; U+200B and U+0007 are invisible; "e" + U+0301 is "é" decomposed.
    const guest = await join('  A\u202Elic\u200Be\u0007 \t\n  Ze\u0301phyr\u2066  ');
    const cleaned = 'Alice Zéphyr';
    expect((guest.view as ParticipantView).you.name).toBe(cleaned);
    const listed = (await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1)) as FacilitatorView;
    expect(listed.lobby[0]!.name).toBe(cleaned);
    expect(listed.lobby[0]!.name.normalize('NFC')).toBe(listed.lobby[0]!.name);
    guest.close();
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 0);
  });

  test('a name with nothing readable left is refused NAME_REQUIRED', async () => {
    for (const name of ['\u200B\u200C\u200D', '\u202E\u2066\u0000', ' \u3164 \u2800 ']) {
      const error = await h.refused({ token: fx.links.remote.token, name });
      expect(error.data?.code).toBe('NAME_REQUIRED');
    }
  });

  test('"Facilitator" and its obvious variants are refused NAME_RESERVED, with words that say what to do', async () => {
    const variants = [
      'Facilitator',
      'facilitator',
      'FACILITATOR',
      'The Facilitator',
      'F a c i l i t a t o r',
      'Faci1itator',
      'Fаcilitator', // a Cyrillic "а"
      'Facili\u200Btator',
      'Facilitatör',
      'Dana (facilitator)',
      'Host',
      'admin',
    ];
    for (const name of variants) {
      const error = await h.refused({ token: fx.links.remote.token, name });
      expect({ name, code: error.data?.code }).toEqual({ name, code: 'NAME_RESERVED' });
      expect(error.message).toMatch(/your own name/);
    }
    // Real names that merely contain a short reserved word stay possible.
    const hostetler = await join('Jo Hostetler');
    expect((hostetler.view as ParticipantView).you.name).toBe('Jo Hostetler');
    hostetler.close();
    expect(fview().lobby.every((e) => !/facilitator/i.test(e.name))).toBe(true);
  });
});

describe('issue 12, case 3: a guest is marked as a guest wherever their name shows', () => {
  test('a guest named like a planned participant is told apart in the lobby, the roster, the order, the signals and the display', async () => {
    const display = await h.open({ token: fx.links.display.token });
    const ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
    const guest = await join('Ann');
    const guestId = guest.credentials[0]!.participantId;
    const waiting = (await facilitator.waitFor((v) => (v as FacilitatorView).lobby.some((e) => e.participantId === guestId))) as FacilitatorView;
    expect(waiting.lobby.find((e) => e.participantId === guestId)).toMatchObject({ name: 'Ann', attendance: 'guest' });

    expect(codeOf(await command(facilitator, 'lobby.admit', { participantId: guestId }, fview().revision))).toBe('OK');
    const order = [fx.ids.ann, guestId, fx.ids.bob, fx.ids.cy];
    expect(codeOf(await command(facilitator, 'order.set', { participantIds: order }, fview().revision))).toBe('OK');
    await guest.waitFor((v) => (v as ParticipantView).you.admitted && v.speakingOrder.length === 4);
    expect(codeOf(await command(guest, 'signal.send', { kind: 'want-to-speak' }, null))).toBe('OK');

    const f = (await facilitator.waitFor((v) => (v as FacilitatorView).signals.length === 1)) as FacilitatorView;
    expect(f.members.filter((m) => m.name === 'Ann').map((m) => [m.participantId, m.attendance])).toEqual([
      [fx.ids.ann, 'in-room'],
      [guestId, 'guest'],
    ]);
    const marks = (o: Array<{ participantId: string; name: string; guest: boolean }>) => o.slice(0, 2).map((s) => [s.name, s.guest]);
    expect(marks(f.speakingOrder)).toEqual([['Ann', false], ['Ann', true]]);
    expect(f.signals[0]).toMatchObject({ participantId: guestId, name: 'Ann', guest: true });

    const shown = (await display.waitFor((v) => v.speakingOrder.length === 4)) as DisplayView;
    expect(marks(shown.speakingOrder)).toEqual([['Ann', false], ['Ann', true]]);
    const annSees = (await ann.waitFor((v) => v.speakingOrder.length === 4)) as ParticipantView;
    expect(marks(annSees.speakingOrder)).toEqual([['Ann', false], ['Ann', true]]);
  });
});
