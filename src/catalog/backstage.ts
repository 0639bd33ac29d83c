import { pointer } from '../core/errors.js';
import { checkEnvelope, type Envelope, isObject, type Report } from './backstage-envelope.js';
import { checkKind } from './backstage-kinds.js';
import { type Projection, project } from './backstage-project.js';
import {
  isRemote,
  placeholderTargets,
  readYamlDocuments,
  resolvePlaceholders,
  resolveTarget,
} from './backstage-yaml.js';
import type {
  CatalogEntity,
  ImportFile,
  ImportIssue,
  PersonDraft,
  ServiceDraft,
  SystemDraft,
  TeamDraft,
} from './model.js';

export interface NormalizedImport {
  /** Every valid entity, as written (placeholders to imported files resolved). */
  entities: CatalogEntity[];
  services: ServiceDraft[];
  teams: TeamDraft[];
  systems: SystemDraft[];
  people: PersonDraft[];
  /** Every problem found; an entity with any problem is left out, the rest still import. */
  errors: ImportIssue[];
}

/**
 * Normalises a set of Backstage catalog files (one import): parses every YAML document, checks it
 * as Backstage's catalog-model would, and maps it onto the catalog. Reports all problems at once.
 */
export function normalizeBackstage(files: readonly ImportFile[]): NormalizedImport {
  const contents = new Map(files.map((f) => [normalizePath(f.path), f.content]));
  const parsed = files.map((f) => ({ file: normalizePath(f.path), ...readYamlDocuments(f) }));
  // Files a placeholder points at are definitions (OpenAPI, proto), not entity files.
  const attachments = new Set<string>();
  for (const p of parsed) for (const d of p.documents) placeholderTargets(p.file, d.value, attachments);

  const errors: ImportIssue[] = [];
  const accepted: { entity: Envelope; file: string; projection?: Projection }[] = [];
  const seen = new Map<string, string>();
  for (const { file, documents, issues } of parsed) {
    if (attachments.has(file)) continue;
    errors.push(...issues.map((i) => ({ ...i, file })));
    for (const doc of documents) {
      const problems: ImportIssue[] = [];
      const report: Report = (path, message) =>
        problems.push({ file, document: doc.index, path: pointer(path), message });
      const entity = checkDocument(doc.value, { file, files: contents, report });
      // Projection reads annotations (tier, environments, repositories) and may report too.
      const projection = entity && problems.length === 0 ? project(entity, report) : undefined;
      if (entity && problems.length === 0) {
        const key = `${entity.kind}:${entity.metadata.namespace}/${entity.metadata.name}`;
        const first = seen.get(key);
        if (first) report(['metadata', 'name'], `${key} is defined twice; first in ${first}`);
        else {
          seen.set(key, `${file}#${doc.index}`);
          accepted.push({ entity, file, projection });
        }
      }
      errors.push(...problems);
    }
  }
  return { ...projectAll(accepted), errors };
}

type FileContext = { file: string; files: ReadonlyMap<string, string>; report: Report };

function checkDocument(value: unknown, ctx: FileContext): Envelope | undefined {
  const entity = checkEnvelope(resolvePlaceholders(value, ctx), ctx.report);
  if (entity) {
    checkKind(entity, ctx.report);
    if (entity.kind === 'Location') checkTargets(entity, ctx);
  }
  return entity;
}

function normalizePath(path: string): string {
  return resolveTarget('', path.replaceAll('\\', '/'));
}

/** A Location's relative targets must be part of the same import, unless marked optional. */
function checkTargets(entity: Envelope, ctx: FileContext): void {
  const { spec } = entity;
  if (spec.presence === 'optional') return;
  const targets: [PropertyKey[], unknown][] = [];
  if (spec.target !== undefined) targets.push([['spec', 'target'], spec.target]);
  if (Array.isArray(spec.targets)) {
    for (const [i, t] of spec.targets.entries()) targets.push([['spec', 'targets', i], t]);
  }
  for (const [path, target] of targets) {
    if (typeof target !== 'string' || isRemote(target)) continue;
    const resolved = resolveTarget(ctx.file, target);
    if (!ctx.files.has(resolved)) {
      ctx.report(path, `target "${target}" (${resolved}) is missing from the import`);
    }
  }
}

/**
 * Services, teams, systems and people have one name each, while Backstage names are per namespace.
 * When two namespaces define the same name, the `default` namespace wins, else the first one read;
 * both stay in the raw entities.
 */
function projectAll(accepted: { entity: Envelope; file: string; projection?: Projection }[]) {
  const chosen = new Map<string, { namespace: string; projection: Projection }>();
  for (const { entity, projection } of accepted) {
    if (!projection) continue;
    const key = `${projection.kind}:${projection.value.name}`;
    const current = chosen.get(key);
    if (!current || (current.namespace !== 'default' && entity.metadata.namespace === 'default')) {
      chosen.set(key, { namespace: entity.metadata.namespace, projection });
    }
  }
  const of = <K extends Projection['kind']>(kind: K) =>
    [...chosen.values()]
      .map((c) => c.projection)
      .filter((p): p is Extract<Projection, { kind: K }> => p.kind === kind)
      .map((p) => p.value as Extract<Projection, { kind: K }>['value']);
  return {
    entities: accepted.map(({ entity, file }) => ({
      kind: entity.kind,
      namespace: entity.metadata.namespace,
      name: entity.metadata.name,
      title: typeof entity.metadata.title === 'string' ? entity.metadata.title : null,
      source: file,
      metadata: entity.metadata,
      spec: isObject(entity.spec) ? entity.spec : {},
    })),
    services: of('service'),
    teams: of('team'),
    systems: of('system'),
    people: of('person'),
  };
}
