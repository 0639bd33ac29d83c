import { createHash } from 'node:crypto';

/**
 * Author identity as facts.ts defines it: the first 16 hex of sha256 of the lower-cased e-mail, so
 * the ledger never stores an address; the login when there is no usable e-mail.
 */
export function authorId(email?: string | null, login?: string | null): string | undefined {
  const e = email?.trim().toLowerCase();
  if (e?.includes('@') && e !== '[redacted]')
    return createHash('sha256').update(e).digest('hex').slice(0, 16);
  return login?.trim() || undefined;
}

/** The first line of a commit message. */
export function subjectOf(message?: string | null): string | undefined {
  const line = message?.split('\n', 1)[0]?.trim();
  return line || undefined;
}
