import { createContext, useContext } from 'react';
import type { ApiClient } from '../api.js';
import type { Me } from './model.js';

/** The signed-in caller, the tenant the console acts in, and an API client bound to that tenant. */
export interface Session {
  me: Me;
  tenant: string;
  api: ApiClient;
  switchTenant(id: string): void;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}
