// A case with a meeting and one participant, straight through the store, for the after-care storage tests.
import type { Store } from '../../server/store/types.js';
import { participant, seedMeeting } from './conformance/fixtures.js';

export async function freshMeeting(store: Store) {
  const { f, c, m } = await seedMeeting(store);
  const p = participant(c.id);
  await store.cases.createParticipant(p);
  return { f, c, m, p };
}
