import type { Millis, TenantColumn } from '../store/tables.js';

export interface TenantTable {
  tenant_id: TenantColumn;
  name: string;
  kind: 'provider' | 'customer';
  time_zone: string;
  created_at: Millis;
}

export interface UserTable {
  tenant_id: TenantColumn;
  user_id: string;
  name: string;
  email: string | null;
  role: string;
  created_at: Millis;
}

export interface TokenTable {
  tenant_id: TenantColumn;
  token_id: string;
  name: string;
  role: string;
  user_id: string | null;
  secret_hash: string;
  created_at: Millis;
  created_by: string | null;
  expires_at: Millis | null;
  revoked_at: Millis | null;
  last_used_at: Millis | null;
}

export interface SessionTable {
  tenant_id: TenantColumn;
  session_id: string;
  token_id: string;
  secret_hash: string;
  created_at: Millis;
  expires_at: Millis;
}

export interface LeaseTable {
  tenant_id: TenantColumn;
  name: string;
  holder: string;
  expires_at: Millis;
}

declare module '../store/tables.js' {
  interface Tables {
    tenants: TenantTable;
    users: UserTable;
    tokens: TokenTable;
    sessions: SessionTable;
    leases: LeaseTable;
  }
}
