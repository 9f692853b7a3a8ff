// Issue 9, section 5: the objections the family expects, as the routes take them.
import { describe, expect, test } from 'vitest';
import { objectionPatchSchema, objectionSchema } from '../../shared/case/objections.js';
import { describeIssues } from '../../shared/protocol.js';

const words = (schema: typeof objectionSchema | typeof objectionPatchSchema, body: unknown) => {
  const result = schema.safeParse(body);
  return result.success ? 'accepted' : describeIssues(result.error);
};

describe('objections', () => {
  test('POST needs the objection and its responder; the response may still be empty while it is prepared', () => {
    expect(words(objectionSchema, { objection: 'I can stop on my own', responderId: 'p-bob', response: '' })).toBe('accepted');
    expect(words(objectionSchema, { objection: '  ', responderId: 'p-bob', response: '' })).toMatch(/^objection: /);
    expect(words(objectionSchema, { objection: 'Not now', response: '' })).toMatch(/^responderId: /);
  });

  test('PATCH takes any of the fields, and is as strict as POST', () => {
    expect(words(objectionPatchSchema, { response: 'We have a bed for you today.' })).toBe('accepted');
    expect(words(objectionPatchSchema, {})).toBe('accepted');
    expect(words(objectionPatchSchema, { shownTo: 'everyone' })).toBe('unknown field "shownTo"');
  });
});
