// The six learning modules a family member reads before the meeting (issue 10,
// section 2), written for Threshold in plain, warm words, each with a
// one-question check. The correct answer stays on the server: the page sends
// the chosen option and hears back.

import type { Language } from '../vocabulary.js';
import { MODULES_ES } from './spanish.js';

export const MODULE_IDS = [
  'health-condition',
  'the-meeting',
  'helping-not-enabling',
  'if-the-answer-is-no',
  'looking-after-yourself',
  'safety',
] as const;
export type ModuleId = (typeof MODULE_IDS)[number];

export interface ModuleCheck {
  question: string;
  options: ReadonlyArray<{ id: string; text: string }>;
  /** The right option's id: never sent to the page. */
  answer: string;
  /** Read after any answer: why the right one is right. */
  explanation: string;
}

export interface PrepareModule {
  id: ModuleId;
  title: string;
  /** About how long it takes to read. */
  minutes: number;
  paragraphs: readonly string[];
  check: ModuleCheck;
}

export const MODULES: readonly PrepareModule[] = [
  {
    id: 'health-condition',
    title: 'A health condition that can be treated',
    minutes: 3,
    paragraphs: [
      'Substance use problems change how the brain weighs reward, stress and choice. That is why someone you love can truly want to stop and still not manage it alone. It is not a lack of love for you, and it is not a weak character.',
      'Like diabetes or heart disease, it can be treated, and people recover, often after more than one try. Treatment may include medical care, counselling, medication and peer support.',
      'Seeing it this way does not excuse the harm that has been done. It lets you speak to the person, not the problem, and it is why your letter will ask them to accept help rather than to try harder.',
    ],
    check: {
      question: 'Your loved one says they want to stop but keeps using. What does that most likely mean?',
      options: [
        { id: 'a', text: 'They do not really care about the family' },
        { id: 'b', text: 'They have a health condition that makes stopping alone very hard' },
        { id: 'c', text: 'They need more willpower' },
      ],
      answer: 'b',
      explanation: 'Wanting to stop and not managing it is part of the condition. Treatment helps where willpower alone has not.',
    },
  },
  {
    id: 'the-meeting',
    title: 'What happens in the meeting, and your part in it',
    minutes: 4,
    paragraphs: [
      'The interventionist leads the meeting. The family sits together, and each person reads their letter in the planned order. Your page shows your part: when you read, and any other role you have.',
      'Letters are short and loving. The room may feel tense, and your loved one may be angry, quiet or tearful. Keep to your letter, speak slowly, and let the interventionist handle interruptions. If you need a moment, the tablet has a quiet button for that.',
      'After the letters, the interventionist asks your loved one to accept the help that is ready today: a place in treatment has already been arranged.',
    ],
    check: {
      question: 'Your loved one interrupts you angrily while you read. What do you do?',
      options: [
        { id: 'a', text: 'Argue back so that they hear the facts' },
        { id: 'b', text: 'Pause, stay calm, and let the interventionist guide the room' },
        { id: 'c', text: 'Leave the room' },
      ],
      answer: 'b',
      explanation: 'The interventionist is there to manage the room. Staying calm keeps the door to help open.',
    },
  },
  {
    id: 'helping-not-enabling',
    title: 'Helping versus enabling',
    minutes: 3,
    paragraphs: [
      'Helping moves someone towards recovery. Enabling, however loving, makes it easier to keep using: paying debts that use created, covering for missed work, or keeping quiet to keep the peace.',
      'Most families enable out of love and fear. Noticing it is not a reason for guilt; it is a chance to choose differently.',
      'A useful question: does this make it easier for them to keep using, or easier to get well?',
    ],
    check: {
      question: 'Which of these is helping rather than enabling?',
      options: [
        { id: 'a', text: 'Calling their employer to say they are ill after a night of drinking' },
        { id: 'b', text: 'Paying off a debt their use has run up' },
        { id: 'c', text: 'Driving them to a treatment assessment' },
      ],
      answer: 'c',
      explanation: 'Getting them to treatment moves them towards recovery; covering and paying protect the use.',
    },
  },
  {
    id: 'if-the-answer-is-no',
    title: 'If the answer is no',
    minutes: 3,
    paragraphs: [
      'Some people say no at first. That is not the end. In some approaches each person then reads a bottom line: what they will stop doing if help is refused. A bottom line is about your own actions, said calmly, and only one you will keep.',
      'Whatever the answer, the interventionist will go through next steps with the family. Many people accept help days or weeks later, because the family held steady and kept the door open.',
    ],
    check: {
      question: 'What makes a good bottom line?',
      options: [
        { id: 'a', text: 'A threat that will frighten them into saying yes' },
        { id: 'b', text: 'Something about your own actions that you will really keep' },
        { id: 'c', text: 'A punishment decided in the moment' },
      ],
      answer: 'b',
      explanation: 'A bottom line is a promise about what you will do, not a threat; it only works if you keep it.',
    },
  },
  {
    id: 'looking-after-yourself',
    title: 'Looking after yourself',
    minutes: 3,
    paragraphs: [
      'Loving someone who struggles with substance use is exhausting. Your own rest, health and support matter, whatever your loved one decides.',
      'Groups for families meet in person and online: Al-Anon, Nar-Anon and SMART Recovery Family & Friends among them. Many people find it a relief to hear others who understand.',
      'You can ask your interventionist about counselling for yourself, too.',
    ],
    check: {
      question: 'When should you look for support for yourself?',
      options: [
        { id: 'a', text: 'Only if your loved one refuses help' },
        { id: 'b', text: 'Now, whatever the answer will be' },
        { id: 'c', text: 'Once your loved one has finished treatment' },
      ],
      answer: 'b',
      explanation: 'Your wellbeing matters in its own right, and families who are supported support recovery better.',
    },
  },
  {
    id: 'safety',
    title: 'Safety, and when to call for help',
    minutes: 2,
    paragraphs: [
      'Safety comes first, always. The interventionist can stop the meeting at any moment.',
      'Call 911 if someone is in immediate danger, has collapsed, cannot be woken, or is having a seizure. Call or text 988 (the Suicide & Crisis Lifeline) if your loved one, or you, speak of ending their life or are in crisis.',
      'If your loved one uses opioids, ask your interventionist about naloxone and how to give it.',
    ],
    check: {
      question: 'Your loved one says they do not want to live any more. Who can you call or text straight away?',
      options: [
        { id: 'a', text: '988, the Suicide & Crisis Lifeline' },
        { id: 'b', text: 'Nobody: wait until the meeting' },
        { id: 'c', text: 'Their employer' },
      ],
      answer: 'a',
      explanation: 'Call or text 988 at once; call 911 if they are in immediate danger.',
    },
  },
];

/**
 * The module with this id, or undefined (a 404 for a route); in `language`'s words (issue 15): the
 * same id, minutes, options and answer, with Spanish titles, paragraphs, question and explanation.
 */
export function findModule(id: string, language: Language = 'en'): PrepareModule | undefined {
  const module = MODULES.find((m) => m.id === id);
  return module && inLanguage(module, language);
}

/** The six modules in reading order, in `language`'s words. */
export function modulesIn(language: Language): PrepareModule[] {
  return MODULES.map((m) => inLanguage(m, language));
}

function inLanguage(module: PrepareModule, language: Language): PrepareModule {
  const words = language === 'es' ? MODULES_ES[module.id] : undefined;
  if (!words) return module;
  return {
    ...module,
    title: words.title,
    paragraphs: words.paragraphs,
    check: {
      ...module.check,
      question: words.question,
      options: module.check.options.map((o) => ({ id: o.id, text: words.options[o.id] ?? o.text })),
      explanation: words.explanation,
    },
  };
}

/** A module as the page receives it: everything but the check's answer and explanation. */
export function publicModule(module: PrepareModule) {
  const { answer: _answer, explanation: _explanation, ...check } = module.check;
  return { id: module.id, title: module.title, minutes: module.minutes, paragraphs: module.paragraphs, check };
}
