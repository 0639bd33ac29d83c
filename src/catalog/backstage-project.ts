import { environmentsOf, repositoryUrlsOf, tierOf } from './backstage-annotations.js';
import type { Envelope, Report } from './backstage-envelope.js';
import { isObject } from './backstage-envelope.js';
import { type EntityRef, isEntityRef, parseEntityRef, stringifyEntityRef } from './entity-ref.js';
import type { PersonDraft, ServiceDraft, SystemDraft, TeamDraft } from './model.js';

/** What one entity adds to the catalog's own tables (raw entities are kept apart). */
export type Projection =
  | { kind: 'service'; value: ServiceDraft }
  | { kind: 'team'; value: TeamDraft }
  | { kind: 'system'; value: SystemDraft }
  | { kind: 'person'; value: PersonDraft };

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function refs(entity: Envelope, value: unknown, defaultKind: string): EntityRef[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return list
    .map((v) => parseEntityRef(v, { defaultKind, defaultNamespace: entity.metadata.namespace }))
    .filter(isEntityRef);
}

/** The name of a reference of the expected kind (`group:default/payments` → payments), else null. */
function nameOf(entity: Envelope, value: unknown, kind: string): string | null {
  const [ref] = refs(entity, value, kind);
  return ref?.kind === kind ? ref.name : null;
}

function namesOf(entity: Envelope, value: unknown, kind: string): string[] {
  return [
    ...new Set(
      refs(entity, value, kind)
        .filter((r) => r.kind === kind)
        .map((r) => r.name),
    ),
  ];
}

/**
 * Maps a checked entity onto the catalog: Component → service, Group → team, System → system,
 * User → person. Other kinds (API, Resource, Domain, Location, AiResource) are kept raw only.
 * Owners that are not groups (`user:jdoe`) leave `owner` null; the raw entity keeps them.
 */
export function project(entity: Envelope, report: Report): Projection | undefined {
  const { metadata: m, spec } = entity;
  const title = str(m.title);
  const description = str(m.description);
  const profile = isObject(spec.profile) ? spec.profile : {};
  switch (entity.kind) {
    case 'Component':
      return {
        kind: 'service',
        value: {
          name: m.name,
          title,
          description,
          owner: nameOf(entity, spec.owner, 'group'),
          system: nameOf(entity, spec.system, 'system'),
          tier: tierOf(entity, report),
          lifecycle: String(spec.lifecycle),
          type: String(spec.type),
          repositoryUrls: repositoryUrlsOf(entity, report),
          environments: environmentsOf(entity, report),
          dependsOn: [...new Set(refs(entity, spec.dependsOn, 'component').map(stringifyEntityRef))],
          tags: Array.isArray(m.tags) ? (m.tags as string[]) : [],
          links: (Array.isArray(m.links) ? m.links : []).map((l: { url: string; title?: unknown }) => ({
            url: l.url,
            ...(typeof l.title === 'string' ? { title: l.title } : {}),
          })),
          source: 'backstage',
        },
      };
    case 'Group':
      return {
        kind: 'team',
        value: {
          name: m.name,
          title: str(profile.displayName) ?? title,
          description,
          email: str(profile.email),
          parent: nameOf(entity, spec.parent, 'group'),
          members: namesOf(entity, spec.members, 'user'),
          source: 'backstage',
        },
      };
    case 'System':
      return {
        kind: 'system',
        value: {
          name: m.name,
          title,
          description,
          owner: nameOf(entity, spec.owner, 'group'),
          domain: nameOf(entity, spec.domain, 'domain'),
          source: 'backstage',
        },
      };
    case 'User':
      return {
        kind: 'person',
        value: {
          name: m.name,
          displayName: str(profile.displayName) ?? title,
          email: str(profile.email),
          memberOf: namesOf(entity, spec.memberOf, 'group'),
        },
      };
    default:
      return undefined;
  }
}
