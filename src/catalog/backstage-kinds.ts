import type { Envelope, Json, Report } from './backstage-envelope.js';
import { isObject } from './backstage-envelope.js';
import { parseEntityRef } from './entity-ref.js';

/**
 * The spec each kind must carry, after Backstage's kinds/*.schema.json: required and optional string
 * fields, lists of strings, and which of them are entity references (with the kind a bare name means).
 */
interface KindRule {
  apiVersions: readonly string[];
  required: readonly string[];
  requiredLists?: readonly string[];
  strings?: readonly string[];
  lists?: readonly string[];
  refs?: Record<string, string>;
}

const v1 = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'] as const;

export const kindRules: Record<string, KindRule> = {
  Component: {
    apiVersions: v1,
    required: ['type', 'lifecycle', 'owner'],
    strings: ['system', 'subcomponentOf'],
    lists: ['providesApis', 'consumesApis', 'dependsOn', 'dependencyOf'],
    refs: {
      owner: 'group',
      system: 'system',
      subcomponentOf: 'component',
      providesApis: 'api',
      consumesApis: 'api',
      dependsOn: 'component',
      dependencyOf: 'component',
    },
  },
  API: {
    apiVersions: v1,
    required: ['type', 'lifecycle', 'owner'],
    strings: ['system'],
    refs: { owner: 'group', system: 'system' },
  },
  Resource: {
    apiVersions: v1,
    required: ['type', 'owner'],
    strings: ['system'],
    lists: ['dependsOn', 'dependencyOf', 'partOf', 'hasPart'],
    refs: { owner: 'group', system: 'system', dependsOn: 'component', dependencyOf: 'component' },
  },
  System: {
    apiVersions: v1,
    required: ['owner'],
    strings: ['domain', 'type'],
    refs: { owner: 'group', domain: 'domain' },
  },
  Domain: {
    apiVersions: v1,
    required: ['owner'],
    strings: ['subdomainOf', 'type'],
    refs: { owner: 'group', subdomainOf: 'domain' },
  },
  Group: {
    apiVersions: v1,
    required: ['type'],
    requiredLists: ['children'],
    strings: ['parent'],
    lists: ['members'],
    refs: { parent: 'group', children: 'group', members: 'user' },
  },
  User: {
    apiVersions: v1,
    required: [],
    requiredLists: ['memberOf'],
    refs: { memberOf: 'group' },
  },
  Location: { apiVersions: v1, required: [], strings: ['type', 'target', 'presence'], lists: ['targets'] },
  AiResource: {
    apiVersions: ['backstage.io/v1alpha1'],
    required: ['type', 'lifecycle', 'owner'],
    strings: ['system'],
    refs: { owner: 'group', system: 'system' },
  },
};

/** API types whose endpoint list replaces the definition (API.v1alpha1.mcp-server/ai-model-server). */
const remoteApiTypes = new Set(['mcp-server', 'ai-model-server']);

/** Checks the kind, its apiVersion and its spec; reports every problem. */
export function checkKind(entity: Envelope, report: Report): void {
  const rule = kindRules[entity.kind];
  if (!rule) {
    report(['kind'], `unknown kind "${entity.kind}"; expected one of ${Object.keys(kindRules).join(', ')}`);
    return;
  }
  if (!rule.apiVersions.includes(entity.apiVersion)) {
    report(
      ['apiVersion'],
      `"${entity.apiVersion}" is not valid for ${entity.kind}; use ${rule.apiVersions.join(' or ')}`,
    );
  }
  const { spec } = entity;
  const at = (field: string, ...rest: PropertyKey[]) => ['spec', field, ...rest];
  for (const field of rule.required) {
    if (spec[field] === undefined) report(at(field), 'required');
  }
  for (const field of rule.requiredLists ?? []) {
    if (spec[field] === undefined) report(at(field), 'required (may be an empty list)');
  }
  for (const field of [...rule.required, ...(rule.strings ?? [])]) {
    const v = spec[field];
    if (v !== undefined && (typeof v !== 'string' || v.trim() === ''))
      report(at(field), 'must be a non-empty string');
  }
  for (const field of [...(rule.requiredLists ?? []), ...(rule.lists ?? [])]) {
    const v = spec[field];
    if (v === undefined) continue;
    if (!Array.isArray(v)) report(at(field), 'must be a list of strings');
    else {
      v.forEach((item, i) => {
        if (typeof item !== 'string') report(at(field, i), 'must be a string');
      });
    }
  }
  for (const [field, defaultKind] of Object.entries(rule.refs ?? {})) {
    const v = spec[field];
    const items =
      typeof v === 'string' ? [[[], v] as const] : Array.isArray(v) ? v.map((x, i) => [[i], x] as const) : [];
    for (const [sub, ref] of items) {
      if (typeof ref !== 'string' || ref === '') continue; // reported as a bad string above
      const parsed = parseEntityRef(ref, { defaultKind, defaultNamespace: entity.metadata.namespace });
      if ('error' in parsed) report(at(field, ...sub), parsed.error);
    }
  }
  if (entity.kind === 'API') checkApiDefinition(spec, report);
}

function checkApiDefinition(spec: Json, report: Report): void {
  if (typeof spec.type === 'string' && remoteApiTypes.has(spec.type)) {
    const remotes = spec.remotes;
    if (!Array.isArray(remotes) || remotes.length === 0) {
      report(['spec', 'remotes'], `required for type ${spec.type}: a list of {type, url}`);
      return;
    }
    remotes.forEach((r, i) => {
      for (const key of ['type', 'url'] as const) {
        if (!isObject(r) || typeof r[key] !== 'string' || r[key] === '') {
          report(['spec', 'remotes', i, key], 'required: a non-empty string');
        }
      }
    });
    return;
  }
  const def = spec.definition;
  // An unresolved remote placeholder ({$text: https://…}) is fetched by Backstage later; accept it.
  const placeholder = isObject(def) && Object.keys(def).length === 1 && Object.keys(def)[0]!.startsWith('$');
  if (def === undefined) report(['spec', 'definition'], 'required');
  else if (!placeholder && (typeof def !== 'string' || def.trim() === '')) {
    report(['spec', 'definition'], 'must be a non-empty string or a $text placeholder');
  }
}
