// A newcomer's finding (s20, finding 3): the Spanish wording hints missed common blame and swearing.
// "Siempre arruinas todo, maldita sea. Nunca cambias." raised only "borracho": the siempre/nunca rule
// knew six verbs (the English one takes any verb) and "maldita" was not in the swearing list. These
// pin the wider rules on real sentences, and that gentle sentences stay free of hints.
import { describe, expect, test } from 'vitest';
import { wordingHints } from '../../shared/prepare/hints.js';

const found = (text: string) => wordingHints(text, 'es').map((h) => [h.text, h.kind]);

describe('Spanish wording hints, widened (s20 finding 3)', () => {
  test('case 1: the tester’s sentence: the label, the liar, both blames and the swearing', () => {
    expect(found('Taylor, eres un borracho y un mentiroso. Siempre arruinas todo, maldita sea. Nunca cambias.')).toEqual([
      ['borracho', 'label'], ['mentiroso', 'label'], ['Siempre arruinas', 'blame'], ['maldita sea', 'swearing'], ['Nunca cambias', 'blame'],
    ]);
  });

  test('case 2: siempre/nunca with any verb said to "tú", in any tense, past the little pronouns', () => {
    const blames = [
      ['Siempre me dejas sola con los niños.', 'Siempre me dejas'],
      ['Nunca escuchas a nadie.', 'Nunca escuchas'],
      ['Siempre lo arruinas todo.', 'Siempre lo arruinas'],
      ['Nunca cumpliste lo que prometiste.', 'Nunca cumpliste'],
      ['Siempre bebías antes de cenar.', 'Siempre bebías'],
      ['Nunca vas a cambiar.', 'Nunca vas'],
      ['Siempre tienes una excusa.', 'Siempre tienes'],
      ['Nunca te importó nada. No cambias nunca.', 'No cambias nunca'],
      ['tu siempre llegas tarde', 'tu siempre'],
    ];
    for (const [text, hint] of blames) expect(found(text!), text).toContainEqual([hint, 'blame']);
  });

  test('case 3: swearing and insults the list missed', () => {
    const text = 'Maldito alcohol. Qué gilipollas, joder, eres un imbécil y un idiota, estúpido, hostias, pinche vida, me jode.';
    expect(found(text).filter(([, kind]) => kind === 'swearing').map(([word]) => word)).toEqual([
      'Maldito', 'gilipollas', 'joder', 'imbécil', 'idiota', 'estúpido', 'hostias', 'pinche', 'jode',
    ]);
  });

  test('case 4: no false alarms on gentle sentences', () => {
    const gentle = [
      'Siempre te he querido.',
      'Nunca dejé de quererte.',
      'Nunca es tarde para pedir ayuda.',
      'Siempre serás mi hermano, y siempre estarás en mi corazón.',
      'Siempre has sido mi héroe; siempre has estado ahí para mí.',
      'Nunca más quiero verte sufrir. Siempre tendrás mi apoyo y siempre podrás contar conmigo.',
      'Nunca olvides que te quiero. Siempre pienso en ti, siempre las llevo conmigo.',
      'Nunca antes había tenido tanto miedo. Siempre pensamos en ti.',
      'Siempre juntos, nunca solos.',
    ];
    for (const text of gentle) expect(found(text), text).toEqual([]);
  });

  test('case 5: the English rules are untouched, and a liar is a label there too', () => {
    expect(wordingHints('You always lie, you liar.').map((h) => [h.text, h.kind])).toEqual([
      ['You always', 'blame'], ['liar', 'label'],
    ]);
    expect(wordingHints('nunca cambias', 'es')[0]!.suggestion).toMatch(/Describa una sola vez/);
  });
});
