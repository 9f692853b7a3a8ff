// One case's file as the page holds it: the case (people, meetings), its plan
// (stage, safety flags, readiness, team with roles, objections) and its
// screenings. Each tab changes something through the API and then calls
// `refresh()`: the server computes the plan, so the page never re-implements a rule.
import { m } from '../../paraglide/messages.js';
import { api, ApiError, type CaseDetail } from '../api.js';
import { caseApi, type Plan, type ScreeningRecord } from './api.js';

export class CaseFile {
  kase = $state.raw<CaseDetail | null>(null);
  plan = $state.raw<Plan | null>(null);
  screenings = $state.raw<ScreeningRecord[]>([]);
  /** Why the case could not be loaded at all. */
  loadError = $state<string | null>(null);
  /** Why the plan could not be loaded (the case itself still shows). */
  planError = $state<string | null>(null);

  constructor(readonly id: string) {}

  /** Loads the case, then its plan and screenings; a plan the server cannot give leaves the rest usable. */
  async refresh(): Promise<void> {
    // All three together, so a tab never opens on a case whose plan is still on its way.
    const [kase] = await Promise.allSettled([api.getCase(this.id), this.refreshPlan(), this.refreshScreenings()]);
    if (kase.status === 'fulfilled') {
      this.kase = kase.value;
      this.loadError = null;
    } else {
      this.loadError = kase.reason instanceof ApiError ? kase.reason.message : m.case_file_not_loaded();
    }
  }

  async refreshPlan(): Promise<void> {
    try {
      this.plan = await caseApi.plan(this.id);
      this.planError = null;
    } catch (e) {
      this.planError = e instanceof ApiError ? e.message : m.case_file_plan_not_loaded();
    }
  }

  async refreshScreenings(): Promise<void> {
    this.screenings = await caseApi.screenings(this.id).catch(() => this.screenings);
  }

  /** The people planned for the case (guests who came through a meeting's shared link are the meeting's). */
  get planned() {
    return (this.kase?.participants ?? []).filter((p) => p.attendance !== 'guest');
  }

  /** A participant's name by id, or a calm placeholder for someone since removed. */
  nameOf(participantId: string): string {
    return this.kase?.participants.find((p) => p.id === participantId)?.name ?? m.case_file_someone_gone();
  }
}
