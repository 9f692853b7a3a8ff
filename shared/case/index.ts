// The case file's pure core, for the routes, the store and the console:
// stages and their machine, the assessment, safety, readiness, team, objections
// and the plan. docs/case-file.md describes it.
export * from './assessment.js';
export * from './guards.js';
export * from './lifecycle.js';
export * from './logistics.js';
export * from './machine.js';
export * from './objections.js';
export * from './plan.js';
export * from './preparation.js';
export * from './readiness.js';
export * from './safety.js';
export * from './stages.js';
export * from './team.js';
export * from './vocabulary.js';
