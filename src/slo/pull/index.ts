export * from './errors.js';
export * from './pull-once.js';
export * from './query-range.js';
export * from './range-chunks.js';
export * from './samples.js';
export * from './targets.js';
