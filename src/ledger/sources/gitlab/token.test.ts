import { describe, expect, it } from 'vitest';
import { verifyGitlabToken } from './token.js';

describe('verifyGitlabToken', () => {
  it('accepts the configured secret, or any of several (rotation)', () => {
    expect(verifyGitlabToken('s3cret', ['s3cret'])).toBe(true);
    expect(verifyGitlabToken('new', ['old', 'new'])).toBe(true);
  });
  it('rejects other, shorter, longer, missing and empty tokens', () => {
    expect(verifyGitlabToken('s3cres', ['s3cret'])).toBe(false);
    expect(verifyGitlabToken('s3cre', ['s3cret'])).toBe(false);
    expect(verifyGitlabToken('s3cret-and-more', ['s3cret'])).toBe(false);
    expect(verifyGitlabToken(undefined, ['s3cret'])).toBe(false);
    expect(verifyGitlabToken('', [''])).toBe(false);
    expect(verifyGitlabToken('s3cret', [])).toBe(false);
  });
});
