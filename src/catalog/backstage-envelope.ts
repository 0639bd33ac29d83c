import {
  isValidEntityName,
  isValidLabelValue,
  isValidMetadataKey,
  isValidNamespace,
  isValidTag,
  nameRule,
  namespaceRule,
  tagRule,
} from './entity-ref.js';

export type Report = (path: PropertyKey[], message: string) => void;
export type Json = Record<string, unknown>;

/** An entity's envelope; the spec is checked per kind. Only an entity without problems is stored. */
export interface Envelope {
  apiVersion: string;
  kind: string;
  metadata: Json & { name: string; namespace: string };
  spec: Json;
}

const rootFields = new Set(['apiVersion', 'kind', 'metadata', 'spec', 'relations', 'status']);

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/**
 * Checks what every entity shares (Backstage's Entity and EntityMeta schemas plus its field-format
 * policy), reporting each problem. Returns the envelope when kind and spec can still be checked.
 */
export function checkEnvelope(doc: unknown, report: Report): Envelope | undefined {
  if (!isObject(doc)) {
    report([], 'a document must be a mapping with apiVersion, kind, metadata and spec');
    return undefined;
  }
  for (const key of Object.keys(doc)) {
    if (!rootFields.has(key))
      report([key], 'unknown field; an entity has apiVersion, kind, metadata and spec');
  }
  const { apiVersion, kind, metadata, spec } = doc;
  if (typeof apiVersion !== 'string' || apiVersion === '') report(['apiVersion'], 'required');
  if (typeof kind !== 'string' || kind === '') report(['kind'], 'required');
  if (!isObject(spec)) report(['spec'], spec === undefined ? 'required' : 'must be a mapping');
  if (!isObject(metadata)) {
    report(['metadata'], metadata === undefined ? 'required' : 'must be a mapping');
    return undefined;
  }
  const name = metadata.name;
  if (!isValidEntityName(name)) {
    report(
      ['metadata', 'name'],
      name === undefined ? 'required' : `${quote(name)} is not a valid name: ${nameRule}`,
    );
  }
  const namespace = metadata.namespace ?? 'default';
  if (!isValidNamespace(namespace)) {
    report(['metadata', 'namespace'], `${quote(namespace)} is not a valid namespace: ${namespaceRule}`);
  }
  for (const key of ['title', 'description'] as const) {
    if (metadata[key] !== undefined && typeof metadata[key] !== 'string') {
      report(['metadata', key], 'must be a string');
    }
  }
  checkKeyValues(metadata, 'labels', report);
  checkKeyValues(metadata, 'annotations', report);
  checkTags(metadata.tags, report);
  checkLinks(metadata.links, report);
  // Problems are recorded above; the kind's own checks still run, so that one pass reports them all.
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !isObject(spec)) return undefined;
  return {
    apiVersion,
    kind,
    metadata: { ...metadata, name: String(name), namespace: String(namespace) },
    spec,
  };
}

function checkKeyValues(metadata: Json, field: 'labels' | 'annotations', report: Report): void {
  const map = metadata[field];
  if (map === undefined) return;
  if (!isObject(map)) {
    report(['metadata', field], 'must be a mapping of strings');
    return;
  }
  for (const [key, value] of Object.entries(map)) {
    if (!isValidMetadataKey(key)) {
      report(['metadata', field, key], `${quote(key)} is not a valid key: [prefix/]name, ${nameRule}`);
    }
    if (typeof value !== 'string') {
      report(['metadata', field, key], `must be a string (quote ${quote(value)} in YAML)`);
    } else if (field === 'labels' && !isValidLabelValue(value)) {
      report(['metadata', field, key], `${quote(value)} is not a valid label value: ${nameRule}`);
    }
  }
}

function checkTags(tags: unknown, report: Report): void {
  if (tags === undefined) return;
  if (!Array.isArray(tags)) {
    report(['metadata', 'tags'], 'must be a list of strings');
    return;
  }
  tags.forEach((tag, i) => {
    if (!isValidTag(tag)) report(['metadata', 'tags', i], `${quote(tag)} is not a valid tag: ${tagRule}`);
  });
}

function checkLinks(links: unknown, report: Report): void {
  if (links === undefined) return;
  if (!Array.isArray(links)) {
    report(['metadata', 'links'], 'must be a list of {url, title?, icon?}');
    return;
  }
  links.forEach((link, i) => {
    if (!isObject(link) || typeof link.url !== 'string' || link.url === '') {
      report(['metadata', 'links', i, 'url'], 'required: a non-empty string');
      return;
    }
    for (const key of ['title', 'icon', 'type'] as const) {
      if (link[key] !== undefined && (typeof link[key] !== 'string' || link[key] === '')) {
        report(['metadata', 'links', i, key], 'must be a non-empty string');
      }
    }
  });
}
