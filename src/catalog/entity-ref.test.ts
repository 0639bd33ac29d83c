import { describe, expect, it } from 'vitest';
import {
  isValidEntityName,
  isValidNamespace,
  isValidTag,
  parseEntityRef,
  stringifyEntityRef,
} from './entity-ref.js';

describe('Backstage naming rules', () => {
  it('accepts names of [a-zA-Z0-9] separated by -, _ or . up to 63 characters', () => {
    for (const ok of ['a', 'artist-lookup', 'breanna.davison', 'Team_A', 'x'.repeat(63), 'a-b.c_d']) {
      expect(isValidEntityName(ok), ok).toBe(true);
    }
    for (const bad of ['', 'invalid component', '-a', 'a-', 'a..', '.a', 'x'.repeat(64), 'a/b', 'ä']) {
      expect(isValidEntityName(bad), bad).toBe(false);
    }
  });

  it('accepts namespaces that are DNS labels', () => {
    expect(['default', 'development', 'a-1'].every(isValidNamespace)).toBe(true);
    expect(['Default', 'a_b', 'a--b', '-a', '', 'a.b'].some(isValidNamespace)).toBe(false);
  });

  it('accepts lower-case tags of [a-z0-9:+#] separated by single dashes', () => {
    expect(['go', 'c++', 'c#', 'java', 'tier:1', 'a-b'].every(isValidTag)).toBe(true);
    expect(['go 1.15.3', 'Java', 'a--b', 'a_b', 'a.b', '', 'x'.repeat(64)].some(isValidTag)).toBe(false);
  });
});

describe('entity references', () => {
  const ctx = { defaultKind: 'group' };

  it('fills kind and namespace from context', () => {
    expect(parseEntityRef('payments', ctx)).toEqual({
      kind: 'group',
      namespace: 'default',
      name: 'payments',
    });
    expect(parseEntityRef('user:jdoe', ctx)).toEqual({ kind: 'user', namespace: 'default', name: 'jdoe' });
    expect(parseEntityRef('group:ops/payments', ctx)).toEqual({
      kind: 'group',
      namespace: 'ops',
      name: 'payments',
    });
    expect(parseEntityRef('x', { defaultKind: 'component', defaultNamespace: 'dev' })).toEqual({
      kind: 'component',
      namespace: 'dev',
      name: 'x',
    });
  });

  it('lower-cases the kind in the canonical form', () => {
    const ref = parseEntityRef('Resource:default/artists-db', ctx);
    expect('error' in ref ? ref.error : stringifyEntityRef(ref)).toBe('resource:default/artists-db');
  });

  it('names what is wrong in a malformed reference', () => {
    expect(parseEntityRef('group:', ctx)).toEqual({
      error:
        '"group:" is not of the form [<kind>:][<namespace>/]<name>: bad name "" (strings of [a-zA-Z0-9] separated by -, _ or ., at most 63 characters)',
    });
    expect(parseEntityRef(':x', ctx)).toMatchObject({ error: expect.stringContaining('bad kind ""') });
    expect(parseEntityRef('a/b/c', ctx)).toMatchObject({ error: expect.stringContaining('bad name "b/c"') });
    expect(parseEntityRef('group:Ops/x', ctx)).toMatchObject({
      error: expect.stringContaining('bad namespace "Ops"'),
    });
    expect(parseEntityRef('', ctx)).toEqual({ error: 'must be a non-empty entity reference' });
  });
});
