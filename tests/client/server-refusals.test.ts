// Issue 15, server refusals: every refusal the server can send to a family page has words in English
// and Spanish. The lists are derived, not typed out: the commands a participant or the speaker sends
// (the rules table's `senders`) refused in every phase and by every permission, the handshake's codes,
// the codes the preparation and consent routes throw (read from their sources), the letter's refused
// steps, and every field of those routes' schemas. A new refusal without words fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { commitmentUpdateSchema } from '../../shared/case/next-steps.js';
import { SIGNING_ELEMENTS, missingWords, signingSchema } from '../../shared/case/consent.js';
import { COMMAND_RULES, type CommandType } from '../../shared/meeting/commands.js';
import { PHASES } from '../../shared/meeting/context.js';
import { notAllowedRefusal } from '../../shared/meeting/messages.js';
import { forbiddenRefusal, type Sender } from '../../shared/meeting/permissions.js';
import { LETTER_STATES, letterStep } from '../../shared/prepare/index.js';
import { COMMAND_TYPES, type AckError } from '../../shared/protocol.js';
import { ERROR_CODES, HANDSHAKE_ERRORS } from '../../shared/vocabulary.js';
import { HttpError, parseBody } from '../../server/http/errors.js';
import { answerSchema, textSchema } from '../../server/http/prepare.js';
import { CONSENT_CODE_WORDS, MISSING_WORDS, problemWords } from '../../client/src/consent/words.js';
import { NAME_REFUSALS } from '../../client/src/join/lobby-words.js';
import { Autosave, saveWords } from '../../client/src/lib/autosave.js';
import { COMMAND_CODE_WORDS, COMMAND_REASON_WORDS, commandRefusalWords, phaseOfReason } from '../../client/src/lib/command-refusals.js';
import { noticeFor } from '../../client/src/lib/freshness.js';
import { HANDSHAKE_WORDS } from '../../client/src/lib/refusal-words.js';
import { PHASE_WORDS } from '../../client/src/lib/words.js';
import { FIELD_WORDS, LETTER_REASON_WORDS, serverRefusalWords } from '../../client/src/lib/server-refusals.js';
import { overwriteGetLocale } from '../../client/src/paraglide/runtime.js';
import { ANN, BOB, CY, meetingIn } from '../machine/support.js';

type Message = (inputs?: Record<string, never>, options?: { locale?: 'en' | 'es' }) => string;
const inBoth = (words: unknown) => ({ en: (words as Message)({}, { locale: 'en' }), es: (words as Message)({}, { locale: 'es' }) });

/** The commands a family screen sends: those a participant, or the one with the floor, may send. */
const FAMILY_TYPES = COMMAND_TYPES.filter((type) => COMMAND_RULES[type].senders.some((s) => s !== 'facilitator'));

/** Every refusal (reason → the server's English) a family screen can get for a command. */
function familyCommandRefusals(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (reason: string, words: string) => {
    // One reason, one sentence: the catalog words a reason, not a sentence.
    expect(found.get(reason) ?? words, `reason ${reason}`).toBe(words);
    found.set(reason, words);
  };
  for (const phase of PHASES) {
    const context = meetingIn(phase).context;
    for (const type of FAMILY_TYPES) {
      const refusal = notAllowedRefusal(type, phase, context);
      add(refusal.reason, refusal.words);
    }
  }
  // Ann has the floor, Bob is let in, Cy waits in the lobby; and in the gathering nobody has the floor.
  for (const phase of ['gathering', 'speaking'] as const) {
    const context = meetingIn(phase).context;
    for (const participantId of [ANN, BOB, CY]) {
      const sender: Sender = { role: 'participant', participantId };
      for (const type of FAMILY_TYPES as readonly CommandType[]) {
        const refusal = forbiddenRefusal(type, sender, context);
        if (refusal) add(refusal.reason, refusal.words);
      }
    }
  }
  return found;
}

/** The words of a refused command for `reason`, in `locale`. */
function wordsIn(locale: 'en' | 'es', error: AckError): string {
  try {
    overwriteGetLocale(() => locale);
    return commandRefusalWords(error);
  } finally {
    overwriteGetLocale(() => 'en');
  }
}

describe('a refused meeting command on a family screen', () => {
  test('issue 15, server refusals case 1: every reason a family screen can get is worded in both languages, the English as the server says it', () => {
    const refusals = familyCommandRefusals();
    expect(refusals.size).toBeGreaterThan(10);
    expect([...refusals.keys()]).toEqual(expect.arrayContaining(['no-signal', 'in-lobby', 'not-speaker', 'phase-paused', 'closed']));
    for (const [reason, serverWords] of refusals) {
      const phase = phaseOfReason(reason);
      if (phase) {
        // What is going on in the meeting: "that could not be done just now" and the phase's sentence.
        const es = wordsIn('es', { code: 'NOT_ALLOWED', message: serverWords, reason });
        expect(es, reason).toBe(`Eso no se pudo hacer en este momento. ${inBoth(PHASE_WORDS[phase].about).es}`);
        continue;
      }
      const words = COMMAND_REASON_WORDS[reason];
      expect(words, `no words for the reason ${reason}`).toBeDefined();
      const { en, es } = inBoth(words);
      // The English catalog is the server's sentence, so a change of the server's words shows up here
      // and its Spanish is looked at again.
      expect(en, reason).toBe(serverWords);
      expect(es.trim(), reason).not.toBe('');
      expect(es, reason).not.toBe(en);
      expect(wordsIn('es', { code: 'NOT_ALLOWED', message: serverWords, reason })).toBe(es);
    }
  });

  test('issue 15, server refusals case 2: every error code of a command has words in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(COMMAND_CODE_WORDS[code], code).toBeDefined();
      const { en, es } = inBoth(COMMAND_CODE_WORDS[code]);
      expect(en.trim(), code).not.toBe('');
      expect(es, code).not.toBe(en);
    }
  });

  test('issue 15, server refusals case 3: a Spanish tablet reads the real reason; an English one the server’s words as before', () => {
    const ack = { ok: false as const, error: { code: 'NOT_ALLOWED' as const, message: 'Nobody is speaking right now', reason: 'nobody-speaking' }, revision: 4 };
    try {
      overwriteGetLocale(() => 'es');
      expect(noticeFor(ack)).toBe('En este momento nadie tiene la palabra.');
      // A reason this page does not know (a newer server): the calm general sentence.
      expect(noticeFor({ ...ack, error: { ...ack.error, reason: 'something-new' } })).toBe('Eso no se pudo hacer en este momento.');
      expect(noticeFor({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many' }, revision: 4 })).toMatch(/^Demasiadas acciones/);
      overwriteGetLocale(() => 'en');
      expect(noticeFor(ack)).toBe('Nobody is speaking right now');
    } finally {
      overwriteGetLocale(() => 'en');
    }
  });

  test('issue 15, server refusals case 4: every handshake refusal a family screen can meet has words, or a screen that says it', () => {
    const console = new Set(['SESSION_INVALID']);
    for (const code of HANDSHAKE_ERRORS.filter((c) => !console.has(c))) {
      const words = code in NAME_REFUSALS ? NAME_REFUSALS[code as keyof typeof NAME_REFUSALS] : HANDSHAKE_WORDS[code];
      expect(words, `no words for ${code}`).not.toBeUndefined();
      if (words === null) continue;
      const { en, es } = inBoth(words);
      expect(es, code).not.toBe(en);
    }
  });
});

/** The codes a route file throws: `new HttpError(status, 'CODE'` and `code: 'CODE'` in its source. */
function codesIn(...files: string[]): Set<string> {
  const codes = new Set<string>();
  for (const file of files) {
    const source = readFileSync(new URL(`../../server/http/${file}`, import.meta.url), 'utf8');
    for (const match of source.matchAll(/(?:HttpError\(\d+, |code: )'([A-Z_]+)'/g)) codes.add(match[1]!);
  }
  return codes;
}

/** Every field path of a request schema, objects and their fields, dotted ("signature.typedName"). */
function fieldsOf(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType> } }).def;
  if (def.type === 'optional' || def.type === 'nullable') return fieldsOf(def.innerType!, prefix);
  if (def.type !== 'object') return [prefix];
  const here = prefix ? [prefix] : [];
  return [...here, ...Object.entries(def.shape!).flatMap(([key, inner]) => fieldsOf(inner, prefix ? `${prefix}.${key}` : key))];
}

const SENTINEL = () => 'UNWORDED';

describe('a refusal from the preparation and consent routes', () => {
  const shared = codesIn('errors.ts');

  test('issue 15, server refusals case 5: every code the preparation routes throw has Spanish words of its own', () => {
    const codes = new Set([...shared, ...codesIn('prepare.ts', 'prepare-auth.ts', 'prepare-commitment.ts')]);
    expect(codes).toContain('UNAUTHENTICATED');
    expect(codes).toContain('NO_BOTTOM_LINES');
    for (const code of codes) {
      const es = serverRefusalWords({ code, message: 'English words' }, SENTINEL, 'es');
      expect(es, `no words for ${code}`).not.toBe('UNWORDED');
      if (code !== 'CHECK_NOT_PASSED') expect(es, code).not.toBe('English words');
    }
  });

  test('issue 15, server refusals case 6: every code the consent routes throw has Spanish words', () => {
    const codes = new Set([...shared, ...codesIn('consent-sign.ts', 'consent-view.ts')]);
    expect(codes).toContain('CONSENT_SIGNED');
    for (const code of codes) {
      const worded = code in CONSENT_CODE_WORDS || serverRefusalWords({ code, message: 'x' }, SENTINEL, 'es') !== 'UNWORDED';
      expect(worded, `no words for ${code}`).toBe(true);
    }
  });

  test('issue 15, server refusals case 6b: a consent refused as incomplete names each missing signing element in Spanish', () => {
    for (const element of SIGNING_ELEMENTS) {
      const { en, es } = inBoth(MISSING_WORDS[element]);
      expect(es, element).not.toBe(en);
    }
    const words = problemWords({ code: 'CONSENT_INCOMPLETE', message: missingWords(['signature', 'notConditioned']), missing: ['signature', 'notConditioned'] }, 'es');
    expect(words).toBe(
      'Falta algo que el formulario necesita: su nombre escrito y la casilla que dice que su atención no depende de este consentimiento. Por favor, revíselo e inténtelo de nuevo.',
    );
    // An element this page does not know (a newer server): the general sentence, still in Spanish.
    expect(problemWords({ code: 'CONSENT_INCOMPLETE', message: 'x', missing: ['somethingNew'] }, 'es')).toMatch(/^Falta algo que el formulario necesita: su nombre escrito o/);
  });

  test('issue 15, server refusals case 7: every refused step of a letter has its reason worded, the English as the server says it', () => {
    for (const state of LETTER_STATES) {
      for (const [action, empty] of [['save', false], ['submit', false], ['submit', true]] as const) {
        const step = letterStep(state, action, empty);
        if (step.ok) continue;
        const words = LETTER_REASON_WORDS[step.reason];
        expect(words, `${state} ${action}: ${step.reason}`).toBeDefined();
        expect(inBoth(words).en).toBe(step.message);
        expect(serverRefusalWords({ code: step.code, message: step.message, reason: step.reason }, SENTINEL, 'es')).toBe(inBoth(words).es);
      }
    }
  });

  test('issue 15, server refusals case 8: every field of the family routes’ bodies is named in both languages', () => {
    const fields = [answerSchema, textSchema(10), commitmentUpdateSchema, signingSchema].flatMap((schema) => fieldsOf(schema));
    expect(fields).toContain('signature.typedName');
    for (const field of fields) {
      expect(FIELD_WORDS[field], `no words for the field ${field}`).toBeDefined();
      const { en, es } = inBoth(FIELD_WORDS[field]);
      expect(es, field).not.toBe(en);
    }
  });

  test('issue 15, server refusals case 9: a letter too long is refused with its field and limit, and reads in Spanish', () => {
    let refused: HttpError | null = null;
    try {
      parseBody(textSchema(20000), { text: 'x'.repeat(20001) });
    } catch (error) {
      refused = error as HttpError;
    }
    expect(refused?.code).toBe('INVALID');
    const body = { code: refused!.code, message: refused!.message, ...refused!.extra };
    expect(body).toMatchObject({ field: 'text', reason: 'too_big', limit: 20000 });
    expect(serverRefusalWords(body, SENTINEL, 'es')).toBe('Hay demasiados caracteres en su texto: como máximo 20.000.');
    expect(serverRefusalWords(body, SENTINEL, 'en')).toBe(refused!.message);
    // The consent page: a missing typed name, in Spanish, through its own words.
    expect(problemWords({ code: 'INVALID', message: 'x', field: 'signature.typedName', reason: 'too_small', limit: 1 }, 'es')).toBe(
      'Por favor, complete este dato: su nombre escrito.',
    );
  });
});

describe('a save refused without words', () => {
  test('issue 15, server refusals case 14: autosave’s fallback is the catalog’s, in the page’s language, not literal English', async () => {
    const saver = new Autosave<string>(() => Promise.reject('no words'), { delayMs: 0, setTimer: (fn) => (fn(), 0), clearTimer: () => undefined });
    saver.change('Querida Ana');
    await saver.flush();
    expect(saver.status).toEqual({ state: 'failed', message: null });
    try {
      overwriteGetLocale(() => 'es');
      expect(saveWords(saver.status)).toBe('No se guardó: por favor, inténtelo de nuevo');
    } finally {
      overwriteGetLocale(() => 'en');
    }
    expect(saveWords(saver.status)).toBe('Not saved: please try again');
  });
});
