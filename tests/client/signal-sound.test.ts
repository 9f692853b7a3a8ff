// Issue 13, item 1: the soft sound for new signals is off unless turned on,
// remembered, and rings only for signals that just arrived.
import { describe, expect, test } from 'vitest';
import { arrived, rememberSound, soundWanted } from '../../client/src/lib/signal-sound.js';

function memory(): Storage {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } as Storage;
}

describe('signal sound', () => {
  test('off by default, and remembered once chosen', () => {
    const storage = memory();
    expect(soundWanted(storage)).toBe(false);
    rememberSound(true, storage);
    expect(soundWanted(storage)).toBe(true);
    rememberSound(false, storage);
    expect(soundWanted(storage)).toBe(false);
  });

  test('a storage that throws (private mode) means off, and forgets quietly', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } } as unknown as Storage;
    expect(soundWanted(refusing)).toBe(false);
    expect(() => rememberSound(true, refusing)).not.toThrow();
  });

  test('only signals not seen before count as arrived', () => {
    expect(arrived(new Set(['s-1']), [{ signalId: 's-1' }, { signalId: 's-2' }])).toEqual(['s-2']);
    expect(arrived(new Set(['s-1', 's-2']), [{ signalId: 's-2' }])).toEqual([]);
  });
});
