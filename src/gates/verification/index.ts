export * from './canary.js';
export * from './criteria.js';
export * from './mann-whitney.js';
export * from './normal.js';
export * from './quality-gate.js';
export * from './rollback.js';
export * from './slo-yaml.js';
