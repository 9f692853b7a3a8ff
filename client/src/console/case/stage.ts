// Pure helpers for the Overview's stage card.
import { FORWARD_STAGES, nextStage, type CaseStage } from '../../../../shared/case/vocabulary.js';

/** A 409's message is what is missing, joined by "; " (shared/case/guards.ts): back into a list. */
export function missingList(message: string): string[] {
  return message.split('; ').map((m) => m.trim()).filter(Boolean);
}

/** Where each forward stage stands against the case's stage, for the progress line. */
export function stageSteps(stage: CaseStage): Array<{ stage: CaseStage; state: 'done' | 'current' | 'ahead' }> {
  const at = (FORWARD_STAGES as readonly string[]).indexOf(stage);
  return FORWARD_STAGES.map((s, i) => ({ stage: s, state: at === -1 ? 'ahead' : i < at ? 'done' : i === at ? 'current' : 'ahead' }));
}

export { nextStage };
