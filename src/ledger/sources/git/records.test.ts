import { describe, expect, it } from 'vitest';
import { globMatcher, hashEmail, isoSeconds, isPrerelease } from './records.js';

describe('git records', () => {
  it('matches ref globs as git for-each-ref does', () => {
    const v = globMatcher('v*');
    expect(['v1.0.0', 'v', 'v1/rc'].map(v)).toEqual([true, true, true]);
    expect(['1.0.0', 'xv1'].map(v)).toEqual([false, false]);
    expect(['1.2.3', 'a.2'].map(globMatcher('[0-9]*'))).toEqual([true, false]);
    expect(['v1.0.1', 'v1x0.1', 'v1.0.10'].map(globMatcher('v1.0.?'))).toEqual([true, false, false]);
    expect(['a', 'b'].map(globMatcher('[!a]'))).toEqual([false, true]);
  });

  it('finds a semver pre-release part, not build metadata', () => {
    expect(['v1.2.3-rc.1', '4.0.0-alpha', 'vv3.5.0-rc.1', 'v1.6.0-0'].map(isPrerelease)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['v1.2.3', 'v1.2.3+build-5', 'release-1', '1.2-rc'].map(isPrerelease)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('hashes e-mails and spells times as the corpus does', () => {
    // printf 'dev@example.com' | sha256sum | cut -c1-16
    expect(hashEmail(' Dev@Example.COM')).toBe('eb2b6c0d061bbd5c');
    expect(isoSeconds(Date.parse('2026-08-20T14:10:49.000Z'))).toBe('2026-08-20T14:10:49Z');
  });
});
