import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * API tokens read `tl1.<tenant>.<token id>.<secret>`: the tenant and id route the lookup to one row
 * of that tenant (no cross-tenant index needed), the secret is 256 random bits of which only a
 * SHA-256 digest is stored. A slow hash adds nothing for secrets of that entropy.
 */
export interface ParsedToken {
  tenantId: string;
  tokenId: string;
  secret: string;
}

const tokenPattern = /^(tl1|tl1s)\.([a-z0-9-]{1,63})\.([0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/;

export function formatToken(kind: 'token' | 'session', t: ParsedToken): string {
  return `${kind === 'token' ? 'tl1' : 'tl1s'}.${t.tenantId}.${t.tokenId}.${t.secret}`;
}

export function parseToken(raw: string, kind: 'token' | 'session'): ParsedToken | undefined {
  const m = tokenPattern.exec(raw);
  if (!m || (m[1] === 'tl1') !== (kind === 'token')) return undefined;
  return { tenantId: m[2]!, tokenId: m[3]!, secret: m[4]! };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored digest. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
