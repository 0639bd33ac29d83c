export * from './prometheus.js';
export { renderRulesYaml } from './render.js';
export { parseSloth, type SlothSlo } from './sloth.js';
export * from './windows.js';
