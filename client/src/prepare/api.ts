// The family's page calls /api/prepare/* with its own link's token as a Bearer
// credential (issue 10, section 1): never in a path or a query, never a cookie.
// Errors come back as values with the server's words, which say what to do next.
import type { LetterState, WordingHint } from './letter.js';

/** `GET /api/prepare`: what the page needs on load, about this person only. */
export interface Preparation {
  /** The person's first name. */
  firstName: string;
  /** Their part in the meeting, in words ("You read last"). */
  role: string;
  /** The team as the plan shares it: first names and relationships, so they know who is coming. */
  team: Array<{ firstName: string; relationship: string }>;
  /** Whether the approach uses bottom lines; without them the page never offers one. */
  usesBottomLines: boolean;
}

/** `GET /api/prepare/modules`: each module with its one-question check and whether it is done. */
export interface Module {
  id: string;
  title: string;
  /** Paragraphs of plain text. */
  body: string[];
  check: { question: string; options: string[]; /** The index of the right option, when the server sends it. */ answer?: number; /** Why, shown after answering. */ explanation?: string };
  done: boolean;
}

/** `GET /api/prepare/letter`: the person's own latest draft and the interventionist's comments to them. */
export interface Letter {
  text: string;
  state: LetterState;
  /** At 130 words a minute. */
  readingSeconds: number;
  hints: WordingHint[];
  /** `at` in epoch ms. */
  comments: Array<{ at: number; text: string }>;
}

export class PrepareError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One JSON call with the link's token; a refusal throws a `PrepareError` with the server's words. */
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
    throw new PrepareError(0, 'We cannot reach the server just now. Check your connection; your words are kept on this page.');
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (res.status === 401) throw new PrepareError(401, 'This link no longer works. Please ask your interventionist for a new one.');
  if (!res.ok) throw new PrepareError(res.status, data?.error?.message ?? 'Something went wrong; please try again.');
  return data as T;
}

/** The page's calls, bound to one token. */
export function prepareApi(token: string) {
  return {
    load: () => call<Preparation>(token, 'GET', ''),
    modules: async () => {
      const data = await call<Module[] | { modules: Module[] }>(token, 'GET', '/modules');
      return Array.isArray(data) ? data : data.modules;
    },
    moduleDone: (id: string) => call<unknown>(token, 'POST', `/modules/${encodeURIComponent(id)}/done`, {}),
    letter: () => call<Letter>(token, 'GET', '/letter'),
    saveLetter: (text: string) => call<Partial<Letter> | null>(token, 'PUT', '/letter', { text }),
    submitLetter: () => call<Partial<Letter> | null>(token, 'POST', '/letter/submit', {}),
    bottomLine: () => call<{ text: string }>(token, 'GET', '/bottom-line'),
    saveBottomLine: (text: string) => call<unknown>(token, 'PUT', '/bottom-line', { text }),
  };
}

export type PrepareApi = ReturnType<typeof prepareApi>;
