// The family's page calls /api/prepare/* with its own link's token as a Bearer
// credential (issue 10, section 1; docs/protocol.md): never in a path or a
// query, never a cookie. Errors come back as values with the server's words,
// which say what to do next, in the page's language (issue 15).
import type { LetterPart, LetterState } from '../../../shared/prepare/vocabulary.js';
import type { WordingHint } from '../../../shared/prepare/hints.js';
import type { Language } from '../../../shared/vocabulary.js';
import { serverRefusalWords, type ServerRefusal } from '../lib/server-refusals.js';
import { m } from '../paraglide/messages.js';

/** `GET /api/prepare`: what the page needs on load, about this person only. */
export interface Preparation {
  participant: { firstName: string; relationship: string };
  /** The language of this answer's words: the one asked for (`?lang=`), else the person's own (issue 15). */
  language: Language;
  /** Their part in the meeting, in words ("You read last"). */
  roleWords: string[];
  approach: { name: string; label: string; usesBottomLines: boolean };
  /** The team in the meeting, in order: first names and relationships, so they know who is coming. */
  team: Array<{ firstName: string; relationship: string; you: boolean }>;
  modules: { done: number; total: number };
  /** The letter's optional sections, in order. */
  sections: Array<{ id: string; title: string; prompt: string }>;
  /** Past this, the page says the letter is long (180). */
  longLetterSeconds: number;
  /**
   * Once the meeting has taken place (its outcome stored), when it ended and whether the person's
   * bottom line was read to the end at it, from its log; null before (server/http/prepare-after.ts).
   */
  meetingHeld: { endedAt: number; bottomLineShared: boolean } | null;
}

/** One module of `GET /api/prepare/modules`, in reading order; its check's right answer stays on the server. */
export interface Module {
  id: string;
  title: string;
  minutes: number;
  paragraphs: string[];
  check: { question: string; options: Array<{ id: string; text: string }> };
  done: boolean;
}

/** `GET /api/prepare/letter` (and `/bottom-line`): the person's own latest draft and the comments to them. */
export interface Draft {
  text: string;
  /** A typed text with no version of the person's own is `approved` (s20, finding 2). */
  state: LetterState;
  /** While the meeting reads a text the interventionist typed for the person (s20, finding 2). */
  typed: boolean;
  /** What the meeting reads: approved, or typed by the interventionist; null when nothing is. */
  meetingText: string | null;
  /** The person's own versions so far; 0 when they have written none (a typed text is no version of theirs). */
  version: number;
  /** At 130 words a minute. */
  readingSeconds: number;
  /** Past 3 minutes. */
  longLetter: boolean;
  hints: WordingHint[];
  /** Oldest first; `at` in epoch ms. */
  comments: Array<{ at: number; text: string }>;
}

/** A refusal: `message` is in the page's language (the server's English on an English page; issue 15). */
export class PrepareError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One JSON call with the link's token; a refusal throws a `PrepareError` with the server's code and
 * its words in the page's language (`serverRefusalWords`).
 */
export async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/prepare${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw new PrepareError(0, 'NETWORK', m.prepare_network());
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const error = { code: 'ERROR', message: '', ...(data?.error as ServerRefusal | undefined) };
    throw new PrepareError(res.status, error.code, error.message ? serverRefusalWords(error) : m.prepare_error());
  }
  return data as T;
}

/**
 * The page's calls, bound to one token. `lang()` is the language to ask the words in (the page's,
 * once chosen or known); null lets the server answer in the person's own (issue 15).
 */
export function prepareApi(token: string, lang: () => Language | null = () => null) {
  const q = () => (lang() ? `?lang=${lang()}` : '');
  return {
    /** Names this link's things kept in the browser tab (unsaved.ts), without the token itself. */
    scope: tokenScope(token),
    load: () => call<Preparation>(token, 'GET', q()),
    modules: async () => (await call<{ modules: Module[] }>(token, 'GET', `/modules${q()}`)).modules,
    /** `answer`: the chosen option's id. A wrong one is `409 CHECK_NOT_PASSED` with a gentle explanation. */
    moduleDone: (id: string, answer: string) =>
      call<{ explanation?: string }>(token, 'POST', `/modules/${encodeURIComponent(id)}/done${q()}`, { answer }),
    draft: (part: LetterPart) => call<Draft>(token, 'GET', `/${part}`),
    save: (part: LetterPart, text: string) => call<Draft>(token, 'PUT', `/${part}`, { text }),
    submit: (part: LetterPart) => call<Draft>(token, 'POST', `/${part}/submit`, {}),
  };
}

/** A short, non-reversible tag of the token (FNV-1a, 32 bits, hex): enough to keep two links' copies apart. */
export function tokenScope(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A failure worth trying again by itself: the connection, or the server away (not a refusal). */
export function retryable(error: unknown): boolean {
  return error instanceof PrepareError && (error.code === 'NETWORK' || error.status >= 502);
}

export type PrepareApi = ReturnType<typeof prepareApi>;
