import type { ConsoleCapability, NavEntry } from './capability.js';
import { catalogPages } from './catalog/pages.js';
import { ledgerPages } from './ledger/pages.js';
import { measuresPages } from './measures/pages.js';
import { sloPages } from './slo/pages.js';

/** Every capability's pages, in navigation order. A new capability adds its entry here. */
export const capabilities: ConsoleCapability[] = [catalogPages, ledgerPages, measuresPages, sloPages];

export const navigation: NavEntry[] = capabilities.flatMap((c) => c.nav);

/** Where the console opens after sign-in. */
export const homePath = navigation[0]?.to ?? '/';
