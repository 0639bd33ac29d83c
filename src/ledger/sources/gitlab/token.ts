import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Checks `X-Gitlab-Token` (the secret in plain text) against each configured secret. Both sides
 * are hashed first so the constant-time comparison always sees equal lengths and the secret's
 * length does not leak.
 */
export function verifyGitlabToken(header: string | undefined, secrets: string[]): boolean {
  if (header === undefined || header === '') return false;
  const given = digest(header);
  let ok = false;
  for (const secret of secrets) {
    if (secret && timingSafeEqual(given, digest(secret))) ok = true;
  }
  return ok;
}
