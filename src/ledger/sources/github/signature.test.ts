import { describe, expect, it } from 'vitest';
import { verifyGithubSignature } from './signature.js';

// GitHub's documented test vector (docs: "Validating webhook deliveries").
const SECRET = "It's a Secret to Everybody";
const BODY = 'Hello, World!';
const SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('verifyGithubSignature', () => {
  it("accepts GitHub's documented vector, from a string or a Buffer", () => {
    expect(verifyGithubSignature(BODY, SIGNATURE, [SECRET])).toBe(true);
    expect(
      verifyGithubSignature(Buffer.from(BODY), SIGNATURE.toUpperCase().replace('SHA256', 'sha256'), [SECRET]),
    ).toBe(true);
  });
  it('accepts any of several secrets (rotation)', () => {
    expect(verifyGithubSignature(BODY, SIGNATURE, ['old-secret', SECRET])).toBe(true);
  });
  it('rejects a wrong secret, a changed body, a missing or malformed header, and no secrets', () => {
    expect(verifyGithubSignature(BODY, SIGNATURE, ['nope'])).toBe(false);
    expect(verifyGithubSignature(`${BODY} `, SIGNATURE, [SECRET])).toBe(false);
    expect(verifyGithubSignature(BODY, undefined, [SECRET])).toBe(false);
    expect(verifyGithubSignature(BODY, SIGNATURE.slice(0, -2), [SECRET])).toBe(false);
    expect(verifyGithubSignature(BODY, SIGNATURE.replace('sha256=', 'sha1='), [SECRET])).toBe(false);
    expect(verifyGithubSignature(BODY, SIGNATURE, [])).toBe(false);
    expect(verifyGithubSignature(BODY, SIGNATURE, [''])).toBe(false);
  });
});
