import { describe, expect, it } from 'vitest';
import { normalizeBackstage } from './backstage.js';

const component = (name: string, spec = 'type: service\n  lifecycle: production\n  owner: payments') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  ${spec}\n`;

const one = (content: string, path = 'catalog-info.yaml') => normalizeBackstage([{ path, content }]);

describe('normalizeBackstage', () => {
  it('maps a Component onto a service with defaults filled', () => {
    const r = one(`apiVersion: backstage.io/v1beta1
kind: Component
metadata:
  name: artists
  title: Artists
  description: Artist pages
  tags: [java, c++]
  links: [{url: 'https://grafana.example.com/d/1', title: Dashboard, icon: dashboard}]
  annotations:
    github.com/project-slug: acme/artists
    throughline.dev/tier: tier-1
    throughline.dev/environments: staging,production
spec:
  type: website
  lifecycle: experimental
  owner: group:default/payments
  system: music
  dependsOn: [resource:artists-db, queue-proxy]
`);
    expect(r.errors).toEqual([]);
    expect(r.services).toEqual([
      {
        name: 'artists',
        title: 'Artists',
        description: 'Artist pages',
        owner: 'payments',
        system: 'music',
        tier: 1,
        lifecycle: 'experimental',
        type: 'website',
        repositoryUrls: ['https://github.com/acme/artists'],
        environments: ['staging', 'production'],
        dependsOn: ['resource:default/artists-db', 'component:default/queue-proxy'],
        tags: ['java', 'c++'],
        links: [{ url: 'https://grafana.example.com/d/1', title: 'Dashboard' }],
        source: 'backstage',
      },
    ]);
    expect(r.entities.map((e) => [e.kind, e.namespace, e.name, e.title, e.source])).toEqual([
      ['Component', 'default', 'artists', 'Artists', 'catalog-info.yaml'],
    ]);
  });

  it('leaves owner null when a user owns the component', () => {
    const r = one(component('solo', 'type: service\n  lifecycle: production\n  owner: user:jdoe'));
    expect(r.services[0]).toMatchObject({
      owner: null,
      tier: null,
      environments: ['production'],
      system: null,
    });
  });

  it('makes membership from Group members and User memberOf', () => {
    const r = one(`apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: payments, description: Pays}
spec:
  type: team
  profile: {displayName: Payments Team, email: pay@example.com}
  parent: finance
  children: []
  members: [jdoe, user:default/asmith, group:not-a-user]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: bkim}
spec:
  profile: {displayName: B Kim}
  memberOf: [payments, group:default/finance]
`);
    expect(r.errors).toEqual([]);
    expect(r.teams).toEqual([
      {
        name: 'payments',
        title: 'Payments Team',
        description: 'Pays',
        email: 'pay@example.com',
        parent: 'finance',
        members: ['jdoe', 'asmith'],
        source: 'backstage',
      },
    ]);
    expect(r.people).toEqual([
      { name: 'bkim', displayName: 'B Kim', email: null, memberOf: ['payments', 'finance'] },
    ]);
  });

  it('reports every problem of a document, and still imports the valid documents of the file', () => {
    const r = one(
      [
        component('good'),
        `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bad name
  tags: [Java]
  labels: {tier: 7}
spec:
  type: service
  system: ''
  dependsOn: ['a:b:c/d/e']
`,
        component('also-good'),
      ].join('---\n'),
    );
    expect(r.services.map((s) => s.name)).toEqual(['good', 'also-good']);
    expect(r.errors).toEqual([
      {
        file: 'catalog-info.yaml',
        document: 1,
        path: '/metadata/name',
        message:
          '"bad name" is not a valid name: strings of [a-zA-Z0-9] separated by -, _ or ., at most 63 characters',
      },
      {
        file: 'catalog-info.yaml',
        document: 1,
        path: '/metadata/labels/tier',
        message: 'must be a string (quote 7 in YAML)',
      },
      {
        file: 'catalog-info.yaml',
        document: 1,
        path: '/metadata/tags/0',
        message:
          '"Java" is not a valid tag: lower-case [a-z0-9:+#] separated by single dashes, at most 63 characters',
      },
      { file: 'catalog-info.yaml', document: 1, path: '/spec/lifecycle', message: 'required' },
      { file: 'catalog-info.yaml', document: 1, path: '/spec/owner', message: 'required' },
      { file: 'catalog-info.yaml', document: 1, path: '/spec/system', message: 'must be a non-empty string' },
      {
        file: 'catalog-info.yaml',
        document: 1,
        path: '/spec/dependsOn/0',
        message: '"a:b:c/d/e" is not of the form [<kind>:][<namespace>/]<name>: bad namespace "b:c"',
      },
    ]);
  });

  it('rejects an unknown kind, a wrong apiVersion and unknown root fields', () => {
    const r = one(`apiVersion: backstage.io/v1alpha1
kind: Service
metadata: {name: x}
spec: {}
---
apiVersion: example.com/v1
kind: Group
metadata: {name: y}
spec: {type: team, children: []}
owner: me
`);
    expect(r.entities).toEqual([]);
    expect(r.errors.map((e) => [e.document, e.path, e.message])).toEqual([
      [
        0,
        '/kind',
        'unknown kind "Service"; expected one of Component, API, Resource, System, Domain, Group, User, Location, AiResource',
      ],
      [1, '/owner', 'unknown field; an entity has apiVersion, kind, metadata and spec'],
      [
        1,
        '/apiVersion',
        '"example.com/v1" is not valid for Group; use backstage.io/v1alpha1 or backstage.io/v1beta1',
      ],
    ]);
  });

  it('names the required fields of each kind', () => {
    const r = one(`apiVersion: backstage.io/v1alpha1
kind: API
metadata: {name: a}
spec: {type: openapi, lifecycle: production}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: g}
spec: {members: jdoe}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: u}
spec: {}
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: {name: mcp}
spec: {type: mcp-server, lifecycle: production, owner: g, remotes: [{type: sse}]}
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: {name: s}
`);
    expect(r.errors.map((e) => `${e.document} ${e.path}: ${e.message}`)).toEqual([
      '0 /spec/owner: required',
      '0 /spec/definition: required',
      '1 /spec/type: required',
      '1 /spec/children: required (may be an empty list)',
      '1 /spec/members: must be a list of strings',
      '2 /spec/memberOf: required (may be an empty list)',
      '3 /spec/remotes/0/url: required: a non-empty string',
      '4 /spec: required',
    ]);
  });

  it('reports malformed YAML with its line, and keeps the other documents', () => {
    // Line 9 is the second document's `---`; its second `kind` key repeats the first.
    const r = one(`${component('first')}---\nkind: Component\nkind: API\n---\n${component('third')}`);
    expect(r.services.map((s) => s.name)).toEqual(['first', 'third']);
    expect(r.errors).toEqual([
      {
        file: 'catalog-info.yaml',
        document: 1,
        path: '/',
        message: 'malformed YAML at line 11, column 1: Map keys must be unique',
      },
    ]);
    const unclosed = one('apiVersion: backstage.io/v1alpha1\nmetadata: {name: "x\n');
    expect(unclosed.errors.map((e) => e.message)).toContain(
      'malformed YAML at line 3, column 1: Missing closing "quote',
    );
  });

  it('reads YAML 1.2: yes and on stay strings', () => {
    const r = one(component('yaml12', 'type: "yes"\n  lifecycle: on\n  owner: payments'));
    expect(r.services[0]).toMatchObject({ type: 'yes', lifecycle: 'on' });
  });

  it('reports a document that is not a mapping, and skips empty ones', () => {
    const r = one(`- a\n- b\n---\n---\n# only a comment\n`);
    expect(r.errors).toEqual([
      {
        file: 'catalog-info.yaml',
        document: 0,
        path: '/',
        message: 'a document must be a mapping with apiVersion, kind, metadata and spec',
      },
    ]);
  });

  it('reports a Location target missing from the import, naming it', () => {
    const location = `apiVersion: backstage.io/v1alpha1
kind: Location
metadata: {name: all}
spec:
  targets: [./a.yaml, ./missing/b.yaml, https://example.com/c.yaml]
`;
    const r = normalizeBackstage([
      { path: 'dir/all.yaml', content: location },
      { path: 'dir/a.yaml', content: component('a') },
    ]);
    expect(r.errors).toEqual([
      {
        file: 'dir/all.yaml',
        document: 0,
        path: '/spec/targets/1',
        message: 'target "./missing/b.yaml" (dir/missing/b.yaml) is missing from the import',
      },
    ]);
    expect(r.entities.map((e) => e.kind)).toEqual(['Component']);
    const optional = one(location.replace('spec:\n', 'spec:\n  presence: optional\n'));
    expect(optional.errors).toEqual([]);
  });

  it('inlines $text definitions from the import and does not read them as entities', () => {
    const api = `apiVersion: backstage.io/v1alpha1
kind: API
metadata: {name: pets}
spec: {type: openapi, lifecycle: production, owner: team-c, definition: {$text: ./pets.oas.yaml}}
`;
    const r = normalizeBackstage([
      { path: 'apis/pets-api.yaml', content: api },
      { path: 'apis/pets.oas.yaml', content: 'openapi: 3.1.0\n' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.entities[0]!.spec.definition).toBe('openapi: 3.1.0\n');
    const alone = normalizeBackstage([{ path: 'apis/pets-api.yaml', content: api }]);
    expect(alone.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      '/spec/definition/$text: placeholder target "./pets.oas.yaml" (apis/pets.oas.yaml) is not in the import',
    ]);
    const remote = one(api.replace('./pets.oas.yaml', 'https://example.com/pets.yaml'));
    expect(remote.errors).toEqual([]);
  });

  it('rejects the second definition of the same entity in one import', () => {
    const r = normalizeBackstage([
      { path: 'a.yaml', content: component('dup') },
      { path: 'b.yaml', content: component('dup') },
    ]);
    expect(r.services).toHaveLength(1);
    expect(r.errors).toEqual([
      {
        file: 'b.yaml',
        document: 0,
        path: '/metadata/name',
        message: 'Component:default/dup is defined twice; first in a.yaml#0',
      },
    ]);
  });

  it('lets the default namespace win when two namespaces define the same name', () => {
    const other = component('svc').replace('  name: svc', '  name: svc\n  namespace: dev\n  title: Dev');
    const r = one(`${other}---\n${component('svc')}`);
    expect(r.entities.map((e) => e.namespace)).toEqual(['dev', 'default']);
    expect(r.services).toHaveLength(1);
    expect(r.services[0]!.title).toBeNull();
  });
});
