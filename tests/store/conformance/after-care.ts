// After-care (issue 11, sections 4 and 5): begun once per case with its
// commitments and schedule, the plan replaced, commitments per person, the
// follow-ups listed per case and across a facilitator's cases, and sealing.
import { describe, expect, test } from 'vitest';
import { startingPlan } from '../../../shared/case/next-steps.js';
import type { AfterCareRecord, FollowUpRecord } from '../../../server/store/types.js';
import type { StoreHarness } from '../conformance.js';
import { facilitator, freshStore, participant, seedMeeting, T0 } from './fixtures.js';

const PLAN_TEXT = 'Plan-text-osprey-meridian: the family practises saying no kindly';
const COMMITMENT = 'Commitment-text-lantern-basalt: I will not pay the phone bill';
const NOTE = 'Follow-up-note-juniper-saltmarsh: he picked up on the second ring';

export function afterCareTests(name: string, open: StoreHarness) {
  describe(`${name}: after-care (issue 11)`, () => {
    const current = freshStore(open);

    async function begun() {
      const { store } = current();
      const { f, c, m } = await seedMeeting(store);
      const p = participant(c.id);
      await store.cases.createParticipant(p);
      const record: AfterCareRecord = {
        caseId: c.id, meetingId: m.id, outcome: 'declined', outcomeAt: T0, plan: startingPlan('declined', null), createdAt: T0, updatedAt: T0,
      };
      const followUp = (id: string, dueAt: number): FollowUpRecord => ({ id, caseId: c.id, kind: '1-day', dueAt, status: 'due', note: null, createdAt: T0, updatedAt: T0 });
      const commitments = [{ participantId: p.id, commitment: COMMITMENT, status: 'not-yet' as const, checkIns: [] }];
      expect(await store.afterCare.begin(record, commitments, [followUp('fu-2', T0 + 2), followUp('fu-1', T0 + 1)])).toBe(true);
      return { store, f, c, p, record, followUp };
    }

    test('begun once: a second begin writes nothing, not even its follow-ups', async () => {
      const { store, c, record, followUp } = await begun();
      expect(await store.afterCare.get(c.id)).toEqual(record);
      expect(await store.afterCare.begin({ ...record, outcome: 'walked-out' }, [], [followUp('fu-3', T0 + 3)])).toBe(false);
      expect((await store.afterCare.get(c.id))?.outcome).toBe('declined');
      expect((await store.afterCare.listFollowUps(c.id)).map((f) => f.id)).toEqual(['fu-1', 'fu-2']);
    });

    test('the plan is replaced; a commitment is replaced only where one exists', async () => {
      const { store, c, p, record } = await begun();
      const plan = { ...record.plan!, family: { ...record.plan!.family, selfCare: PLAN_TEXT } };
      await store.afterCare.putPlan(c.id, plan, T0 + 5);
      expect(await store.afterCare.get(c.id)).toMatchObject({ plan, updatedAt: T0 + 5 });
      const kept = { participantId: p.id, commitment: COMMITMENT, status: 'kept' as const, checkIns: [{ at: T0 + 6, note: 'Held' }] };
      expect(await store.afterCare.putCommitment(c.id, kept, T0 + 6)).toBe(true);
      expect(await store.afterCare.getCommitment(c.id, p.id)).toEqual(kept);
      expect(await store.afterCare.listCommitments(c.id)).toEqual([kept]);
      expect(await store.afterCare.putCommitment(c.id, { ...kept, participantId: 'nobody' }, T0 + 7)).toBe(false);
      expect(await store.afterCare.getCommitment(c.id, 'nobody')).toBeUndefined();
    });

    test('follow-ups: added, changed, listed soonest first per case and across only the facilitator\'s own cases', async () => {
      const { store, f, c, followUp } = await begun();
      await store.afterCare.addFollowUp({ ...followUp('fu-0', T0), kind: 'extra' });
      await store.afterCare.updateFollowUp('fu-2', { status: 'done', note: NOTE, dueAt: T0 - 1 }, T0 + 9);
      expect(await store.afterCare.getFollowUp('fu-2')).toMatchObject({ status: 'done', note: NOTE, dueAt: T0 - 1, updatedAt: T0 + 9 });
      await store.afterCare.updateFollowUp('fu-2', { note: null }, T0 + 10);
      expect((await store.afterCare.getFollowUp('fu-2'))?.note).toBeNull();
      expect((await store.afterCare.listFollowUps(c.id)).map((x) => x.id)).toEqual(['fu-2', 'fu-0', 'fu-1']);
      // The store keeps one account through its interface; another's cases are simply not this one's.
      expect((await store.afterCare.listFollowUpsOf(f.id)).map((x) => x.id)).toEqual(['fu-2', 'fu-0', 'fu-1']);
      expect(await store.afterCare.listFollowUpsOf('someone-else')).toEqual([]);
      expect(await store.afterCare.getFollowUp('nope')).toBeUndefined();
    });

    // Found in a newcomer's trial: a co-facilitator's dashboard showed none of the case's calls (issue 16 × issue 11).
    test('follow-ups across the cases an account works as a colleague, as the case list has them', async () => {
      const { store, f, c } = await begun();
      const eli = { ...facilitator({ name: 'Eli Colleague', email: 'eli@example.org' }), role: 'interventionist' as const, deactivatedAt: null };
      await store.accounts.createAccount(eli);
      expect(await store.afterCare.listFollowUpsOf(eli.id)).toEqual([]);
      await store.practice.addStaff({ caseId: c.id, accountId: eli.id, role: 'co-facilitator', addedBy: f.id, addedAt: T0 });
      expect((await store.afterCare.listFollowUpsOf(eli.id)).map((x) => x.id)).toEqual(['fu-1', 'fu-2']);
    });

    test('the plan, the outcome, commitments and notes are sealed', async () => {
      const { store, c, p, record } = await begun();
      await store.afterCare.putPlan(c.id, { ...record.plan!, family: { ...record.plan!.family, selfCare: PLAN_TEXT } }, T0 + 1);
      await store.afterCare.putCommitment(c.id, { participantId: p.id, commitment: COMMITMENT, status: 'kept', checkIns: [{ at: T0, note: NOTE }] }, T0 + 2);
      await store.afterCare.updateFollowUp('fu-1', { note: NOTE }, T0 + 3);
      const text = await current().persistedText();
      for (const secret of [PLAN_TEXT, COMMITMENT, NOTE, '"declined"']) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    });
  });
}
