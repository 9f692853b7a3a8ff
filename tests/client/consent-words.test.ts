// Issue 15: the consent page's dates and refusals in the page's language. An English page shows the
// server's own sentence (it names what is missing); a Spanish one the catalog's sentence for the code.
import { describe, expect, test } from 'vitest';
import { dayWords, momentWords, problemWords } from '../../client/src/consent/words.js';

describe('the consent page in words', () => {
  test('issue 15, consent words case 1: a day and a moment in English and in Spanish', () => {
    expect(dayWords('2026-11-30', 'en')).toBe('November 30, 2026');
    expect(dayWords('2026-11-30', 'es')).toBe('30 de noviembre de 2026');
    expect(momentWords(Date.UTC(2026, 10, 30, 12), 'es')).toMatch(/noviembre de 2026/);
  });

  test('issue 15, consent words case 2: a refusal: the server\'s English on an English page, the catalog\'s Spanish by its code', () => {
    const signed = { code: 'CONSENT_SIGNED', message: 'This consent form has already been signed. Your interventionist has the signed copy.' };
    expect(problemWords(signed, 'en')).toBe(signed.message);
    expect(problemWords(signed, 'es')).toBe('Este formulario de consentimiento ya está firmado. Su especialista en intervención tiene la copia firmada.');
    expect(problemWords({ code: 'UNAUTHENTICATED', message: 'x' }, 'es')).toMatch(/^Este enlace ya no funciona/);
    expect(problemWords({ code: 'CONSENT_INCOMPLETE', message: 'The consent form is missing the signature' }, 'es')).toMatch(/^Falta algo/);
    expect(problemWords({ code: 'NETWORK', message: '' }, 'es')).toMatch(/^No podemos comunicarnos/);
    // Issue 15, server refusals: a rate limit now says so in Spanish (it was the general sentence); a code nobody knows still gets it.
    expect(problemWords({ code: 'RATE_LIMITED', message: '' }, 'es')).toMatch(/^Se está guardando con demasiada frecuencia/);
    expect(problemWords({ code: 'SOMETHING_NEW', message: '' }, 'es')).toBe('Algo salió mal; por favor, inténtelo de nuevo.');
    expect(problemWords({ code: 'ERROR', message: '' }, 'en')).toBe('Something went wrong; please try again.');
  });
});
