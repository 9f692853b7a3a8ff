// issue 13, item 10: double-clicking "Add person" added the person twice.
// Every creating form in the console runs its submit through oneAtATime.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { oneAtATime } from '../../client/src/lib/one-at-a-time.js';

test('issue 13, item 10: a second submit while the first is on its way is ignored', async () => {
  let calls = 0;
  let finish!: () => void;
  const busy: boolean[] = [];
  const add = oneAtATime(
    () => {
      calls++;
      return new Promise<string>((r) => (finish = () => r('added')));
    },
    (b) => busy.push(b),
  );
  const first = add();
  const second = add();
  expect(add.busy).toBe(true);
  expect(await second).toBeUndefined();
  finish();
  expect(await first).toBe('added');
  expect(calls).toBe(1);
  expect(add.busy).toBe(false);
  expect(busy).toEqual([true, false]);
});

test('issue 13, item 10: after a failure the form can be sent again', async () => {
  let calls = 0;
  const add = oneAtATime(async () => {
    calls++;
    if (calls === 1) throw new Error('refused');
    return 'ok';
  });
  await expect(add()).rejects.toThrow('refused');
  expect(await add()).toBe('ok');
});

test('issue 13, item 10: every form in the console that creates something is guarded', () => {
  for (const file of [
    'client/src/console/case/People.svelte',
    'client/src/console/case/Objections.svelte',
    'client/src/console/Cases.svelte',
  ]) {
    expect(readFileSync(file, 'utf8'), file).toMatch(/oneAtATime\(/);
  }
});
