export { exportOpenSlo } from './export.js';
export { type OpenSloImport, type ParseOpenSloOptions, parseOpenSlo } from './parse.js';
