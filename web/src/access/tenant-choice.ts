import type { Me } from './model.js';

const storageKey = 'throughline.tenant';

/** The tenant the console acts in: a provider-admin's remembered choice, else the token's own tenant. */
export function chosenTenant(me: Me): string {
  if (me.role !== 'provider-admin') return me.tenant;
  const stored = readStored();
  return stored && me.tenants.some((t) => t.id === stored) ? stored : me.tenant;
}

export function rememberTenant(id: string): void {
  try {
    localStorage.setItem(storageKey, id);
  } catch {
    // Storage can be disabled; the choice then lasts until the page reloads.
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
