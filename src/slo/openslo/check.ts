import { z } from '../../core/zod.js';
import type { SloObject } from '../model.js';
import { fromV1alpha, fromV2alpha, kindsByVersion } from './legacy.js';
import { toModel } from './to-model.js';
import { type V1Kind, v1NameSchema, v1Schemas } from './v1-schema.js';

export type Report = (path: PropertyKey[], message: string) => void;

const isMap = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

// v2alpha names follow Kubernetes-style DNS labels and allow upper case (go-sdk: `cloudWatch-prod`).
const v2alphaName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/, 'letters, digits, ".", "_" or "-"');
const schemas: Record<string, ReturnType<typeof v1Schemas>> = {
  'openslo/v1': v1Schemas(v1NameSchema, { timeSliceWindowRequired: true }),
  'openslo/v1alpha': v1Schemas(v1NameSchema, { timeSliceWindowRequired: false }),
  'openslo.com/v2alpha': v1Schemas(v2alphaName, { timeSliceWindowRequired: true }),
};

/**
 * Checks one OpenSLO object against the rules of its apiVersion and maps it onto the model.
 * Every problem is reported; the object is returned only when there were none.
 */
export function checkObject(doc: unknown, report: Report): SloObject | undefined {
  if (!isMap(doc)) {
    report([], 'an OpenSLO object is a mapping with apiVersion, kind, metadata and spec');
    return undefined;
  }
  const { apiVersion, kind, metadata, spec } = doc;
  const kinds = typeof apiVersion === 'string' ? kindsByVersion[apiVersion] : undefined;
  if (!kinds) {
    const known = Object.keys(kindsByVersion).join(', ');
    report(
      ['apiVersion'],
      `${apiVersion === undefined ? 'required' : `unsupported "${String(apiVersion)}"`}; expected one of ${known}`,
    );
  } else if (typeof kind !== 'string' || !kinds.includes(kind)) {
    report(
      ['kind'],
      `${kind === undefined ? 'required' : `"${String(kind)}" is not a kind of ${apiVersion}`}; expected one of ${kinds.join(', ')}`,
    );
  }
  const { metadata: metadataSchema, specs } = schemas[String(apiVersion)] ?? schemas['openslo/v1']!;
  const meta = metadataSchema.safeParse(metadata);
  if (!meta.success) reportZod(['metadata'], meta.error, report);
  if (!isMap(spec)) report(['spec'], spec === undefined ? 'required' : 'must be a mapping');
  if (!kinds?.includes(String(kind)) || !isMap(spec) || !meta.success) return undefined;

  const v1Kind = kind as V1Kind;
  const name = meta.data.name;
  const wire =
    apiVersion === 'openslo/v1alpha'
      ? fromV1alpha(v1Kind, name, spec)
      : apiVersion === 'openslo.com/v2alpha'
        ? fromV2alpha(v1Kind, spec)
        : spec;
  const parsed = specs[v1Kind].safeParse(wire);
  if (!parsed.success) {
    reportZod(['spec'], parsed.error, report);
    return undefined;
  }
  return toModel(v1Kind, meta.data, parsed.data);
}

function reportZod(prefix: PropertyKey[], error: z.ZodError, report: Report): void {
  for (const issue of error.issues) {
    const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    report([...prefix, ...issue.path], missing ? 'required' : issue.message);
  }
}
