// The preparation's words in Spanish (issue 15): the six modules, the letter's
// guide and a person's part. Written for Threshold, not machine-translated:
// plain and warm, person-first ("una persona con un problema de consumo",
// never "adicto"), and usted for the reader. The ids, the minutes and the
// right answers stay in modules.ts and vocabulary.ts; only words live here.
/** A module's words: the same paragraphs in number, and the check's options by the same ids. */
export interface ModuleWords {
  title: string;
  paragraphs: readonly string[];
  question: string;
  options: Readonly<Record<string, string>>;
  explanation: string;
}

/** By module id (modules.ts's MODULE_IDS; tests/prepare/spanish.test.ts checks every one is here). */
export const MODULES_ES: Readonly<Record<string, ModuleWords>> = {
  'health-condition': {
    title: 'Un problema de salud que tiene tratamiento',
    paragraphs: [
      'Los problemas de consumo cambian la forma en que el cerebro valora la recompensa, el estrés y las decisiones. Por eso una persona a quien usted quiere puede desear de verdad dejarlo y aun así no lograrlo sola. No es falta de amor hacia usted, ni un carácter débil.',
      'Como la diabetes o las enfermedades del corazón, tiene tratamiento, y las personas se recuperan, a menudo después de más de un intento. El tratamiento puede incluir atención médica, terapia, medicamentos y el apoyo de otras personas que han pasado por lo mismo.',
      'Verlo así no justifica el daño que se ha hecho. Le permite hablarle a la persona, no al problema, y por eso su carta le pedirá que acepte ayuda, no que se esfuerce más.',
    ],
    question: 'Su ser querido dice que quiere dejarlo, pero sigue consumiendo. ¿Qué significa eso, lo más probable?',
    options: {
      a: 'Que en realidad no le importa la familia',
      b: 'Que tiene un problema de salud que hace muy difícil dejarlo sin ayuda',
      c: 'Que necesita más fuerza de voluntad',
    },
    explanation: 'Querer dejarlo y no conseguirlo es parte del problema de salud. El tratamiento ayuda donde la fuerza de voluntad sola no ha bastado.',
  },
  'the-meeting': {
    title: 'Qué pasa en la reunión, y su papel en ella',
    paragraphs: [
      'El especialista en intervención dirige la reunión. La familia se sienta junta, y cada persona lee su carta en el orden previsto. Su página muestra su papel: cuándo lee, y cualquier otra tarea que tenga.',
      'Las cartas son breves y cariñosas. El ambiente puede estar tenso, y su ser querido puede enojarse, quedarse callado o llorar. Siga su carta, hable despacio, y deje que el especialista en intervención se ocupe de las interrupciones. Si necesita un momento, la tableta tiene un botón discreto para eso.',
      'Después de las cartas, el especialista en intervención le pide a su ser querido que acepte la ayuda que está lista hoy: ya se ha reservado un lugar en un tratamiento.',
    ],
    question: 'Su ser querido le interrumpe con enojo mientras usted lee. ¿Qué hace?',
    options: {
      a: 'Discutir para que escuche los hechos',
      b: 'Hacer una pausa, mantener la calma, y dejar que el especialista en intervención guíe la reunión',
      c: 'Salir de la sala',
    },
    explanation: 'El especialista en intervención está ahí para conducir la reunión. Mantener la calma deja abierta la puerta a la ayuda.',
  },
  'helping-not-enabling': {
    title: 'Ayudar sin facilitar el consumo',
    paragraphs: [
      'Ayudar acerca a la persona a la recuperación. Facilitar el consumo, aunque se haga con amor, hace más fácil seguir consumiendo: pagar deudas que causó el consumo, justificar las faltas al trabajo, o callar para mantener la paz.',
      'La mayoría de las familias lo hacen por amor y por miedo. Darse cuenta no es motivo de culpa; es una oportunidad de elegir de otra manera.',
      'Una pregunta útil: ¿esto le hace más fácil seguir consumiendo, o más fácil recuperarse?',
    ],
    question: '¿Cuál de estas acciones es ayudar, y no facilitar el consumo?',
    options: {
      a: 'Llamar a su trabajo para decir que está enfermo después de una noche de bebida',
      b: 'Pagar una deuda que causó su consumo',
      c: 'Llevarle en auto a una evaluación para un tratamiento',
    },
    explanation: 'Llevarle al tratamiento le acerca a la recuperación; encubrir y pagar protegen el consumo.',
  },
  'if-the-answer-is-no': {
    title: 'Si la respuesta es no',
    paragraphs: [
      'Algunas personas dicen que no al principio. Eso no es el final. En algunos enfoques, cada persona lee entonces un límite: lo que dejará de hacer si se rechaza la ayuda. Un límite trata de sus propios actos, se dice con calma, y solo vale si usted lo va a cumplir.',
      'Sea cual sea la respuesta, el especialista en intervención repasará con la familia los próximos pasos. Muchas personas aceptan ayuda días o semanas después, porque la familia se mantuvo firme y dejó la puerta abierta.',
    ],
    question: '¿Qué hace que un límite sea bueno?',
    options: {
      a: 'Una amenaza que le asuste para que diga que sí',
      b: 'Algo sobre sus propios actos que usted de verdad cumplirá',
      c: 'Un castigo decidido en el momento',
    },
    explanation: 'Un límite es una promesa sobre lo que usted hará, no una amenaza; solo funciona si la cumple.',
  },
  'looking-after-yourself': {
    title: 'Cuidarse a sí mismo',
    paragraphs: [
      'Querer a una persona con un problema de consumo agota. Su propio descanso, su salud y su apoyo importan, decida lo que decida su ser querido.',
      'Hay grupos para familias, en persona y en línea, también en español: entre ellos Al-Anon, Nar-Anon y SMART Recovery Family & Friends. A mucha gente le alivia escuchar a otras personas que entienden.',
      'También puede preguntarle a su especialista en intervención por terapia para usted.',
    ],
    question: '¿Cuándo debería buscar apoyo para usted?',
    options: {
      a: 'Solo si su ser querido rechaza la ayuda',
      b: 'Ahora, sea cual sea la respuesta',
      c: 'Cuando su ser querido haya terminado el tratamiento',
    },
    explanation: 'Su bienestar importa por sí mismo, y las familias que reciben apoyo apoyan mejor la recuperación.',
  },
  safety: {
    title: 'La seguridad, y cuándo pedir ayuda',
    paragraphs: [
      'La seguridad es lo primero, siempre. El especialista en intervención puede detener la reunión en cualquier momento.',
      'Llame al 911 si alguien está en peligro inmediato, se ha desmayado, no se despierta o tiene una convulsión. Llame o envíe un mensaje de texto al 988 (la Línea 988 de Prevención del Suicidio y Crisis) si su ser querido, o usted, habla de quitarse la vida o está en crisis. En español: al llamar, marque 2, o envíe la palabra AYUDA por mensaje de texto al 988.',
      'Si su ser querido consume opioides, pregunte a su especialista en intervención por la naloxona y cómo administrarla.',
    ],
    question: 'Su ser querido dice que ya no quiere vivir. ¿A quién puede llamar o escribir enseguida?',
    options: {
      a: 'Al 988, la Línea de Prevención del Suicidio y Crisis',
      b: 'A nadie: esperar a la reunión',
      c: 'A su trabajo',
    },
    explanation: 'Llame o envíe un mensaje de texto al 988 de inmediato (en español, marque 2 o escriba AYUDA); llame al 911 si está en peligro inmediato.',
  },
};

/** The letter's optional sections (vocabulary.ts's LETTER_SECTIONS), by id. */
export const SECTIONS_ES: Readonly<Record<string, { title: string; prompt: string }>> = {
  love: { title: 'Lo que quiero y admiro de ti', prompt: 'Empiece por lo que quiere y admira de esa persona.' },
  memory: { title: 'Un recuerdo de ti en tu mejor momento', prompt: 'Un momento, contado con sencillez, en que fue plenamente quien es.' },
  seen: { title: 'Lo que he visto', prompt: 'Hechos, con fechas cuando pueda: lo que pasó, no lo que dice de la persona.' },
  affected: { title: 'Cómo me ha afectado', prompt: 'Diga cómo se sintió: "tuve miedo", "no podía dormir".' },
  health: { title: 'Sé que es un problema de salud, no un fracaso', prompt: 'Que escuche que usted ve un problema de salud, no a una mala persona.' },
  asking: { title: 'Lo que te pido', prompt: 'Pídale que acepte la ayuda que está lista hoy.' },
  closing: { title: 'Una despedida con cariño', prompt: 'Termine con cariño, con sus propias palabras.' },
};

/** A person's part (roles.ts), in Spanish. */
export const ROLE_WORDS_ES = {
  notInMeeting: 'Usted ayuda a preparar; no participa en la reunión en sí',
  last: 'Usted lee al final',
  first: 'Usted lee primero',
  place: (at: number, of: number) => `Usted lee en el lugar ${at} de ${of}`,
  chair: 'Usted preside la parte de la familia: abre la reunión y cuida el orden',
  'objection-responder': 'Usted responde a una objeción que la familia espera, con las palabras que preparó',
  'walk-out-follower': 'Si su ser querido sale de la sala, usted le acompaña, con calma',
  support: 'Usted está ahí para apoyar: no lee una carta',
} as const;
