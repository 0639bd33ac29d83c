import { randomBytes } from 'node:crypto';

/** Sortable, unique ids: 48-bit millisecond time + 80 random bits, base32 (Crockford), like ULID. */
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(now: number = Date.now()): string {
  let out = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    out = alphabet[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  for (let i = 0; i < 16; i++) out += alphabet[bytes[i]! % 32]!;
  return out;
}

/** A URL-safe secret with 256 bits of entropy. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Slugs name tenants, services, teams: lower-case, digits, dashes; what Backstage names reduce to. */
export const slugPattern = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
