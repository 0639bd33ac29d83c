import type { ReactNode } from 'react';
import type { Role } from './access/model.js';

/** One navigation link; links of the same section are grouped under its name. */
export interface NavEntry {
  section: string;
  label: string;
  to: string;
  /** Shown only to callers holding at least this role (the API enforces it regardless). */
  requires?: Role;
}

export interface PageRoute {
  /** Relative to `/`, e.g. `catalog/services/:name`. */
  path: string;
  element: ReactNode;
}

/** What a capability's folder of pages plugs into the console; capabilities.ts lists them all. */
export interface ConsoleCapability {
  name: string;
  nav: NavEntry[];
  routes: PageRoute[];
}
