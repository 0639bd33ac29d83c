import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` against the raw body with each configured secret, so
 * a secret can be rotated without dropping deliveries. Constant-time comparison of equal lengths.
 */
export function verifyGithubSignature(
  rawBody: string | Buffer,
  header: string | undefined,
  secrets: string[],
): boolean {
  const m = header ? /^sha256=([0-9a-f]{64})$/i.exec(header.trim()) : null;
  if (!m) return false;
  const given = Buffer.from(m[1]!.toLowerCase(), 'hex');
  let ok = false;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // No early return: every secret is tried, so timing says nothing about which one matched.
    if (expected.length === given.length && timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}
