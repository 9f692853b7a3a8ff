// The family preparation's pure core (issue 10): states, reading time, wording hints, modules, role words.
export * from './vocabulary.js';
export * from './reading.js';
export * from './hints.js';
export * from './states.js';
export * from './modules.js';
export * from './roles.js';
export { SECTIONS_ES } from './spanish.js';
