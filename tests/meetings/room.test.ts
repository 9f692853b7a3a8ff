// The room and the publisher, over the fakes: who gets which view when people
// come and go, and the performance properties the runtime's comments promise.
import { describe, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { display, facilitator, liveMeeting, participant } from './fakes.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const ann = { ...participant('p-ann'), name: 'Ann', attendance: 'in-room' as const };
const bob = { ...participant('p-bob'), name: 'Bob', attendance: 'in-room' as const };
const cy = { ...participant('p-cy'), name: 'Cy', attendance: 'remote' as const };

describe('texts', () => {
  test('are read once, when the first participant comes, and a participant cannot attach before', async () => {
    const { runtime, store } = liveMeeting();
    runtime.attach(facilitator);
    expect(store.calls).not.toContain('listMeetingTexts');
    expect(() => runtime.attach(ann)).toThrow(/texts are not loaded/);
    await Promise.all([runtime.loadTexts(), runtime.loadTexts()]);
    await runtime.loadTexts();
    expect(store.calls.filter((c) => c === 'listMeetingTexts')).toHaveLength(1);
  });

  test('a failed read is tried again by the next participant', async () => {
    const { runtime, store } = liveMeeting();
    const texts = store.texts;
    store.listMeetingTexts = async () => {
      store.listMeetingTexts = async () => texts;
      throw new Error('database is locked');
    };
    await expect(runtime.loadTexts()).rejects.toThrow(/locked/);
    await runtime.loadTexts();
    runtime.attach(ann);
    expect((runtime.viewFor(ann) as ParticipantView).letter).toBe('letter-of-ann');
  });

  test('each participant’s view carries their own letter only', async () => {
    const { runtime, transport } = liveMeeting();
    await runtime.loadTexts();
    runtime.attach(ann);
    runtime.attach(bob);
    expect(transport.viewsOf('p-ann').map((v) => (v as ParticipantView).letter)).toEqual(['letter-of-ann']);
    expect(transport.viewsOf('p-bob').map((v) => (v as ParticipantView).letter)).toEqual([null]);
  });
});

describe('presence', () => {
  test('a wave of arrivals: each newcomer’s view at once, the facilitator’s one refresh per turn of the event loop', async () => {
    const { runtime, transport } = liveMeeting();
    await runtime.loadTexts();
    runtime.attach(facilitator);
    for (const conn of [ann, bob, cy, display]) runtime.attach(conn);
    expect(transport.deliveries.map((d) => d.audience.kind)).toEqual(['facilitator', 'participant', 'participant', 'participant', 'display']);
    await nextTurn();
    const refreshed = transport.viewsOf('facilitator') as FacilitatorView[];
    expect(refreshed).toHaveLength(2);
    expect(refreshed[1]!.members.map((m) => m.presence)).toEqual(['connected', 'connected', 'connected']);
    expect(refreshed[1]!.lobby).toEqual([{ participantId: 'p-cy', name: 'Cy', attendance: 'remote' }]);
    expect(refreshed[1]!.displaysConnected).toBe(1);
  });

  test('a participant is away once their last device leaves', async () => {
    const { runtime } = liveMeeting();
    await runtime.loadTexts();
    runtime.attach(ann);
    runtime.attach(ann);
    runtime.detach(ann);
    expect((runtime.viewFor(facilitator) as FacilitatorView).members[0]!.presence).toBe('connected');
    runtime.detach(ann);
    expect((runtime.viewFor(facilitator) as FacilitatorView).members[0]!.presence).toBe('away');
  });

  test('a command’s views replace a pending refresh: the facilitator gets one view, not two', async () => {
    const { runtime, transport, store } = liveMeeting();
    store.writesTakeATurn = false;
    await runtime.loadTexts();
    runtime.attach(ann);
    await runtime.handle({ commandId: 'c-1', type: 'participant.ready' }, ann);
    await nextTurn();
    expect(transport.viewsOf('facilitator').map((v) => v.revision)).toEqual([1]);
  });
});

test('no view is built for an audience nobody is in', async () => {
  const { runtime, transport } = liveMeeting();
  transport.listeners.clear();
  await runtime.handle({ commandId: 'c-1', type: 'meeting.start', expectedRevision: 0 }, facilitator);
  runtime.detach(facilitator);
  await nextTurn();
  expect(transport.deliveries).toEqual([]);
});
