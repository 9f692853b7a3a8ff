// Reading time: a letter read aloud at 130 words a minute (issue 10, section 3).
import { LONG_LETTER_SECONDS, READING_WORDS_PER_MINUTE } from './vocabulary.js';

/** Words as a reader says them: runs of letters or digits (with inner apostrophes or hyphens). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Whole seconds to read `text` aloud at READING_WORDS_PER_MINUTE, rounded up; 0 for no words. */
export function readingSeconds(text: string): number {
  return Math.ceil((wordCount(text) * 60) / READING_WORDS_PER_MINUTE);
}

/** Whether a letter of `seconds` runs past three minutes. */
export function isLongLetter(seconds: number): boolean {
  return seconds > LONG_LETTER_SECONDS;
}
