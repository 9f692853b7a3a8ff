// The stepper's marks after an emergency stop (issue 13, item 6): the stop jumps to
// the outcome from anywhere, and steps that never happened must not read as done.
import { describe, expect, test } from 'vitest';
import { agendaMarks } from '../../client/src/lib/agenda-marks.js';
import { agendaSteps } from '../../client/src/lib/words.js';

const steps = agendaSteps(true); // gathering, opening, speaking, offer, bottom-lines, outcome, closed

describe('agendaMarks', () => {
  test('a normal meeting marks every step before the current one done', () => {
    expect(agendaMarks(steps, 'bottom-lines')).toEqual(['done', 'done', 'done', 'done', 'current', 'ahead', 'ahead']);
  });

  test('issue 13, item 6: a stop during the letters leaves the offer and bottom lines not done', () => {
    expect(agendaMarks(steps, 'outcome', true, 0)).toEqual(['done', 'done', 'done', 'skipped', 'skipped', 'current', 'ahead']);
  });

  test('issue 13, item 6: a stop after one offer marks the offer done, the bottom lines not', () => {
    expect(agendaMarks(steps, 'outcome', true, 1)).toEqual(['done', 'done', 'done', 'done', 'skipped', 'current', 'ahead']);
    expect(agendaMarks(steps, 'outcome', true, 2)).toEqual(['done', 'done', 'done', 'done', 'done', 'current', 'ahead']);
  });

  test('a step the meeting has not reached is ahead, whatever happened', () => {
    expect(agendaMarks(steps, null)).toEqual(steps.map(() => 'ahead'));
  });
});
