// Issue 9, section 5: roles, the speaking order (closer last, support left
// out), the readiness checklist with its waivers, and plan()'s GET /plan shape.
import { describe, expect, test } from 'vitest';
import { plan } from '../../shared/case/plan.js';
import { markProblem, parseReadinessMark, readinessMarkSchema, type ReadinessMark } from '../../shared/case/readiness.js';
import { roleProblem, rolesSchema, speakingOrder, teamProblems } from '../../shared/case/team.js';
import { calmAssessment, fullTeam, member, readyContent } from './support.js';

const entry = (p: ReturnType<typeof plan>, item: string) => p.readiness.find((e) => e.item === item);

describe('the speaking order', () => {
  test('the closer reads last and support is left out, the rest in the team order', () => {
    expect(speakingOrder(fullTeam())).toEqual(['p-ann', 'p-bob', 'p-cy', 'p-dee']);
  });

  test('someone not taking part in the meeting is left out too', () => {
    const team = [member('p-ann', ['closer']), member('p-bob'), member('p-cy', [], { inMeeting: false })];
    expect(speakingOrder(team)).toEqual(['p-bob', 'p-ann']);
  });

  test("the plan gives each member's place, null for those who do not speak, and the influence the assessment noted", () => {
    const assessment = calmAssessment({ family: { participants: [{ participantId: 'p-dee', influence: 'high' }] } });
    const { team } = plan('planning', readyContent({ assessment }));
    expect(team.map((m) => [m.participantId, m.speaksAt])).toEqual([
      ['p-ann', 1],
      ['p-dee', 4],
      ['p-bob', 2],
      ['p-eve', null],
      ['p-cy', 3],
    ]);
    expect(team.find((m) => m.participantId === 'p-dee')?.influence).toBe('high');
    expect(team.find((m) => m.participantId === 'p-ann')?.influence).toBeNull();
  });
});

describe('roles', () => {
  test('several per person, each once', () => {
    expect(rolesSchema.safeParse(['chair', 'objection-responder']).success).toBe(true);
    expect(rolesSchema.safeParse(['chair', 'chair']).success).toBe(false);
    expect(rolesSchema.safeParse(['leader']).success).toBe(false);
  });

  test('the closer reads a letter, support has none: not both; only one closer', () => {
    expect(roleProblem(['closer', 'support'])).toMatch(/choose one/);
    expect(roleProblem(['chair', 'closer'])).toBeNull();
    const team = [member('p-ann', ['closer']), member('p-bob', ['closer', 'support'])];
    expect(teamProblems(team)).toHaveLength(2);
    expect(teamProblems(team).join(' ')).not.toMatch(/ann|bob/i);
  });
});

describe('the readiness checklist (issue 9, section 5)', () => {
  test('a full team with an approach and no flags: the four plan items are done', () => {
    const p = plan('preparation', readyContent());
    expect(p.readiness.map((e) => [e.item, e.done, e.waived])).toEqual([
      ['approach-chosen', true, false],
      ['team-of-at-least-3', true, false],
      ['chair-and-closer-assigned', true, false],
      ['walk-out-follower-assigned', true, false],
    ]);
  });

  test('no approach: approach-chosen is open and says what to do', () => {
    expect(entry(plan('planning', readyContent({ approach: null })), 'approach-chosen')).toEqual({
      item: 'approach-chosen',
      done: false,
      waived: false,
      detail: 'Choose an approach',
    });
  });

  test('team-of-at-least-3 counts neither support nor those not in the meeting, in the room or remote', () => {
    const team = [member('p-ann'), member('p-bob', [], { attendance: 'remote' }), member('p-cy', ['support']), member('p-dee', [], { inMeeting: false })];
    const open = entry(plan('planning', readyContent({ team })), 'team-of-at-least-3');
    expect(open).toMatchObject({ done: false, detail: '2 people speak in the meeting; at least 3 are needed, not counting support' });
    const three = [...team, member('p-eve', ['chair'], { attendance: 'remote' })];
    expect(entry(plan('planning', readyContent({ team: three })), 'team-of-at-least-3')?.done).toBe(true);
  });

  test('chair-and-closer-assigned names what is missing, and refuses two closers', () => {
    const noCloser = fullTeam().map((m) => ({ ...m, roles: m.roles.filter((r) => r !== 'closer') }));
    expect(entry(plan('planning', readyContent({ team: noCloser })), 'chair-and-closer-assigned')?.detail).toBe('Choose a closer');
    const neither = noCloser.map((m) => ({ ...m, roles: m.roles.filter((r) => r !== 'chair') }));
    expect(entry(plan('planning', readyContent({ team: neither })), 'chair-and-closer-assigned')?.detail).toBe('Choose a chair and a closer');
    const two = fullTeam().map((m) => (m.participantId === 'p-bob' ? { ...m, roles: [...m.roles, 'closer' as const] } : m));
    expect(entry(plan('planning', readyContent({ team: two })), 'chair-and-closer-assigned')).toMatchObject({ done: false, detail: expect.stringMatching(/one closer/) });
  });

  test('walk-out-follower-assigned is open until someone holds the role', () => {
    const team = fullTeam().map((m) => ({ ...m, roles: m.roles.filter((r) => r !== 'walk-out-follower') }));
    expect(entry(plan('planning', readyContent({ team })), 'walk-out-follower-assigned')?.done).toBe(false);
  });

  test('an open item waived with a reason counts as waived, and the reason is its detail', () => {
    const marks: ReadinessMark[] = [{ item: 'team-of-at-least-3', state: 'waived', reason: 'a small family; two is right here' }];
    const p = plan('preparation', readyContent({ team: fullTeam().slice(0, 2), readiness: marks }));
    expect(entry(p, 'team-of-at-least-3')).toEqual({ item: 'team-of-at-least-3', done: false, waived: true, detail: 'Waived: a small family; two is right here' });
  });

  test('a waiver needs a reason; plan items cannot be marked done by hand, safety items can', () => {
    expect(readinessMarkSchema.safeParse({ item: 'crisis-plan', state: 'waived' }).success).toBe(false);
    expect(readinessMarkSchema.safeParse({ item: 'crisis-plan', state: 'waived', reason: '  ' }).success).toBe(false);
    expect(markProblem({ item: 'approach-chosen', state: 'done' })).toMatch(/can be waived with a reason/);
    expect(markProblem({ item: 'crisis-plan', state: 'done' })).toBeNull();
  });

  test('parseReadinessMark gives the 400 words: the field, or why a plan item cannot be marked done', () => {
    expect(parseReadinessMark({ item: 'crisis-plan', state: 'done' })).toEqual({ ok: true, mark: { item: 'crisis-plan', state: 'done' } });
    expect(parseReadinessMark({ item: 'crisis-plan', state: 'waived' })).toMatchObject({ ok: false, message: expect.stringMatching(/^reason: /) });
    expect(parseReadinessMark({ item: 'all', state: 'done' })).toMatchObject({ ok: false, message: expect.stringMatching(/^item: /) });
    expect(parseReadinessMark({ item: 'team-of-at-least-3', state: 'done' })).toMatchObject({ ok: false, message: expect.stringMatching(/^team-of-at-least-3: /) });
  });
});

describe('safety changes the plan (issue 9, section 4)', () => {
  test('violence history cautions the chosen Love First: approach-chosen waits for a recorded reason', () => {
    const assessment = calmAssessment({ safety: { ...calmAssessment().safety, violenceHistory: true } });
    const p = plan('planning', readyContent({ assessment }));
    expect(p.safety.cautions.map((c) => c.approach)).toEqual(['johnson', 'love-first']);
    expect(p.safety.recommendedApproaches).not.toContain('love-first');
    expect(entry(p, 'approach-chosen')).toMatchObject({ done: false, detail: expect.stringMatching(/Love First is cautioned for this case/) });
    expect(entry(p, 'safety-plan')).toMatchObject({ done: false, waived: false });
    const withReason = plan('planning', readyContent({ assessment, approachReason: 'the family court ordered a structured meeting' }));
    expect(entry(withReason, 'approach-chosen')?.done).toBe(true);
    expect(entry(plan('planning', readyContent({ assessment, approach: 'invitational' })), 'approach-chosen')?.done).toBe(true);
  });

  test('each flag adds its item after the plan items; a safety item is done when marked', () => {
    const assessment = calmAssessment({
      substances: [{ substance: 'alcohol', pattern: 'daily' }, { substance: 'heroin' }],
      mentalHealth: { suicidality: 'recent-thoughts' },
      safety: { ...calmAssessment().safety, pregnant: true },
    });
    const p = plan('planning', readyContent({ assessment, readiness: [{ item: 'crisis-plan', state: 'done' }] }));
    expect(p.readiness.slice(4).map((e) => [e.item, e.done])).toEqual([
      ['medical-detox-planned', false],
      ['naloxone-on-hand', false],
      ['crisis-plan', true],
      ['medical-consult', false],
    ]);
  });

  test('naloxone noted as available in the assessment makes naloxone-on-hand done', () => {
    const assessment = calmAssessment({ substances: [{ substance: 'fentanyl' }], safety: { ...calmAssessment().safety, naloxoneAvailable: true } });
    expect(entry(plan('planning', readyContent({ assessment })), 'naloxone-on-hand')).toMatchObject({ done: true });
  });

  test('marks for items no flag asks for are not listed', () => {
    const p = plan('planning', readyContent({ readiness: [{ item: 'medical-consult', state: 'done' }] }));
    expect(p.readiness.map((e) => e.item)).not.toContain('medical-consult');
  });
});

describe("plan()'s shape is GET /plan's", () => {
  test('stage, safety, readiness, team and objections, with whether each responder takes part', () => {
    const objections = [
      { objectionId: 'o-1', objection: "I can't leave my job", responderId: 'p-bob', response: 'Your manager has agreed to leave.' },
      { objectionId: 'o-2', objection: 'I can stop on my own', responderId: 'p-zed', response: 'We have seen you try.' },
    ];
    const p = plan('preparation', readyContent({ objections }));
    expect(Object.keys(p)).toEqual(['stage', 'safety', 'readiness', 'team', 'objections']);
    expect(Object.keys(p.safety)).toEqual(['flags', 'recommendedApproaches', 'cautions']);
    expect(p.stage).toBe('preparation');
    expect(p.objections.map((o) => o.responderInMeeting)).toEqual([true, false]);
  });
});
