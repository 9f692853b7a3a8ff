// The preparation in Spanish (issue 15): every module, section and part has its Spanish words, the
// checks keep their answers, and the wording hints find Spanish labels with Spanish suggestions.
import { describe, expect, test } from 'vitest';
import { LETTER_SECTIONS, MODULES, findModule, modulesIn, roleWords, SECTIONS_ES, wordingHints } from '../../shared/prepare/index.js';

describe('the preparation in Spanish', () => {
  test('issue 15: every module has its Spanish words, with the same options and the same answer', () => {
    const es = modulesIn('es');
    expect(es.map((m) => m.id)).toEqual(MODULES.map((m) => m.id));
    for (const [i, module] of es.entries()) {
      const en = MODULES[i]!;
      expect(module.title).not.toBe(en.title);
      expect(module.paragraphs.length).toBe(en.paragraphs.length);
      expect(module.check.options.map((o) => o.id)).toEqual(en.check.options.map((o) => o.id));
      expect(module.check.options.every((o, j) => o.text !== en.check.options[j]!.text)).toBe(true);
      expect(module.check.answer).toBe(en.check.answer);
    }
    expect(findModule('safety', 'es')?.paragraphs.join(' ')).toMatch(/marque 2.*AYUDA/);
    expect(findModule('safety')?.title).toBe('Safety, and when to call for help');
  });

  test('issue 15: every letter section and every part has Spanish words', () => {
    for (const s of LETTER_SECTIONS) expect(SECTIONS_ES[s.id]?.title).toMatch(/\p{L}/u);
    expect(roleWords({ roles: ['closer'], inMeeting: true, speaksAt: 3, speakers: 3 }, 'es')).toEqual(['Usted lee al final']);
    expect(roleWords({ roles: ['support'], inMeeting: true, speaksAt: 2, speakers: 4 }, 'es')).toEqual([
      'Usted lee en el lugar 2 de 4',
      'Usted está ahí para apoyar: no lee una carta',
    ]);
  });

  test('issue 15: the wording hints find Spanish labels, blame and swearing, and suggest in the page’s language', () => {
    const text = 'Eres un adicto y un borracho. Tú siempre llegas tarde, es tu culpa, ¡mierda!';
    const hints = wordingHints(text, 'es');
    expect(hints.map((h) => [h.text, h.kind])).toEqual([
      ['adicto', 'label'], ['borracho', 'label'], ['Tú siempre', 'blame'], ['tu culpa', 'blame'], ['mierda', 'swearing'],
    ]);
    expect(hints[0]!.suggestion).toBe('Use su nombre, o "una persona con un problema de consumo"');
    expect(wordingHints('an addict', 'es')[0]!.suggestion).toMatch(/una persona con un problema de consumo/);
    expect(wordingHints('un adicto')[0]!.suggestion).toMatch(/a person struggling with substance use/);
  });

  test('issue 15: drinks are not people, in Spanish either; whole words only', () => {
    expect(wordingHints('bebidas alcohólicas y una bebida no alcohólica', 'es')).toEqual([]);
    expect(wordingHints('una disputa sobre la adicción', 'es')).toEqual([]);
    expect(wordingHints('es alcohólica', 'es').map((h) => h.text)).toEqual(['alcohólica']);
  });
});
