import { InputError, NotFoundError } from '../core/errors.js';
import { inTransaction, type TenantDb } from '../store/database.js';
import { isRef, type Slo, type SloImportFile, type SloImportIssue, type SloObject } from './model.js';
import { exportOpenSlo, parseOpenSlo } from './openslo/index.js';
import { rebuildRollups } from './rollup-store.js';
import { recountThreshold } from './samples.js';
import {
  deleteObject,
  dropMeasurements,
  getObject,
  indexSeries,
  listObjects,
  objectNames,
  putObjects,
  sliLookup,
} from './store.js';

const storedPath = '(stored definitions)';

export interface ImportOutcome {
  imported: { kind: string; name: string }[];
  errors: SloImportIssue[];
}

/**
 * Imports OpenSLO files all or nothing: every object is checked, references must name an object
 * of the import or one stored before, and a single problem leaves the store untouched. Objects
 * replace stored ones of the same kind and name (within one import, the last one wins).
 */
export async function importDefinitions(
  db: TenantDb,
  files: readonly SloImportFile[],
  now: number,
): Promise<ImportOutcome> {
  const stored = await listObjects(db);
  // Resolving against the stored objects too reports each dangling reference at its path.
  const check = parseOpenSlo([...files, { path: storedPath, content: exportOpenSlo(stored) }], {
    references: 'inline',
  });
  const errors = check.errors.filter((e) => e.file !== storedPath);
  const objects = files.flatMap((file) =>
    parseOpenSlo([file], { references: 'keep' }).objects.map((object) => ({ object, source: file.content })),
  );
  if (errors.length > 0 || objects.length === 0) return { imported: [], errors };
  await inTransaction(db, async (trx) => {
    await putObjects(trx, objects, now);
    await rebuildAffected(
      trx,
      objects.map((o) => o.object),
    );
  });
  return { imported: objects.map(({ object }) => ({ kind: object.kind, name: object.name })), errors: [] };
}

/** Re-indexes and rebuilds the measurements of written SLOs and of SLOs reading written SLIs. */
async function rebuildAffected(db: TenantDb, written: readonly SloObject[]): Promise<void> {
  const slis = new Set(written.filter((o) => o.kind === 'SLI').map((o) => o.name));
  const slos = new Map(written.filter((o): o is Slo => o.kind === 'SLO').map((o) => [o.name, o]));
  if (slis.size) {
    for (const slo of await listObjects(db, 'SLO')) {
      const reads = [slo.indicator, ...slo.objectives.map((o) => o.indicator)].some(
        (i) => i && isRef(i) && slis.has(i.ref),
      );
      if (reads && !slos.has(slo.name)) slos.set(slo.name, slo);
    }
  }
  const lookup = await sliLookup(db);
  for (const slo of slos.values()) await rebuildSlo(db, slo, lookup);
}

/** Indexes an SLO's series and recomputes its threshold minutes and rollups from stored samples. */
export async function rebuildSlo(db: TenantDb, slo: Slo, lookup: Awaited<ReturnType<typeof sliLookup>>) {
  const series = await indexSeries(db, slo, lookup);
  await dropMeasurements(db, slo.name);
  for (const s of series) {
    if (s.sliType === 'threshold') await recountThreshold(db, s.sli, s.series, 'all');
    await rebuildRollups(db, { slo: slo.name, ...s });
  }
}

/**
 * Creates or replaces one SLO from its model JSON. Its references (SLIs, alert policies) must name
 * stored objects, and its service a catalog service or a stored OpenSLO Service.
 */
export async function putSlo(db: TenantDb, slo: Slo, now: number): Promise<{ created: boolean }> {
  const names = await objectNames(db);
  const issues: { path: string; message: string }[] = [];
  const sli = (ref: string, path: string) => {
    if (!names.has(`SLI/${ref}`)) issues.push({ path, message: `SLI ${ref} does not exist` });
  };
  if (slo.indicator && isRef(slo.indicator)) sli(slo.indicator.ref, '/indicator/ref');
  slo.objectives.forEach((o, i) => {
    if (o.indicator && isRef(o.indicator)) sli(o.indicator.ref, `/objectives/${i}/indicator/ref`);
    if (!o.indicator && !slo.indicator)
      issues.push({ path: `/objectives/${i}/indicator`, message: 'an objective needs an indicator' });
  });
  slo.alertPolicies.forEach((p, i) => {
    if (isRef(p) && !names.has(`AlertPolicy/${p.ref}`))
      issues.push({ path: `/alertPolicies/${i}/ref`, message: `AlertPolicy ${p.ref} does not exist` });
  });
  if (!names.has(`Service/${slo.service}`)) {
    const service = await db
      .selectFrom('services')
      .select('name')
      .where('name', '=', slo.service)
      .executeTakeFirst();
    if (!service) issues.push({ path: '/service', message: `service ${slo.service} does not exist` });
  }
  if (issues.length) throw new InputError(`SLO ${slo.name} has unresolved references`, issues);
  const created = !names.has(`SLO/${slo.name}`);
  await inTransaction(db, async (trx) => {
    await putObjects(trx, [{ object: slo }], now);
    await rebuildSlo(trx, slo, await sliLookup(trx));
  });
  return { created };
}

export async function deleteSlo(db: TenantDb, name: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (!(await deleteObject(trx, 'SLO', name))) throw new NotFoundError(`SLO ${name} not found`);
    await trx.deleteFrom('slo_series').where('slo', '=', name).execute();
    await dropMeasurements(trx, name);
    await trx.deleteFrom('slo_alerts').where('slo', '=', name).execute();
  });
}

export async function getSlo(db: TenantDb, name: string): Promise<Slo> {
  const found = await getObject(db, 'SLO', name);
  if (!found) throw new NotFoundError(`SLO ${name} not found`);
  return found.object;
}

/** The SLO with its referenced SLIs and alert policies inlined (for rules and notifications). */
export async function resolvedSlo(db: TenantDb, name: string): Promise<Slo> {
  const slo = await getSlo(db, name);
  const stored = await listObjects(db);
  const { objects } = parseOpenSlo(
    [
      { path: 'slo', content: exportOpenSlo([slo]) },
      { path: 'stored', content: exportOpenSlo(stored.filter((o) => o.kind !== 'SLO')) },
    ],
    { references: 'inline' },
  );
  const found = objects.find((o): o is Slo => o.kind === 'SLO' && o.name === name);
  if (!found) throw new InputError(`SLO ${name} has references that do not resolve`);
  return found;
}
