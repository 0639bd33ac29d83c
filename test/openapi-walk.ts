/** Reads the served OpenAPI document and walks its operations, so route tests cover new routes unasked. */

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema objects are walked structurally
export type Schema = any;

export interface Operation {
  method: string;
  path: string;
  params: string[];
  jsonBody?: Schema;
  operation: Schema;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Schema>>;
  components?: { schemas?: Record<string, Schema> };
}

const methods = ['get', 'put', 'post', 'patch', 'delete'];

export function operations(doc: OpenApiDoc, prefix = '/api/v1/'): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith(prefix)) continue;
    for (const m of methods) {
      const op = item[m];
      if (!op) continue;
      const body = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        method: m.toUpperCase(),
        path,
        params: [...path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]!),
        ...(body ? { jsonBody: resolve(doc, body) } : {}),
        operation: op,
      });
    }
  }
  return out;
}

export function resolve(doc: OpenApiDoc, schema: Schema): Schema {
  if (schema?.$ref) {
    const name = String(schema.$ref).split('/').pop()!;
    return resolve(doc, doc.components?.schemas?.[name]);
  }
  return schema;
}

/** A minimal body that satisfies the schema's required fields, as far as a generic walker can tell. */
export function sampleValue(doc: OpenApiDoc, raw: Schema, depth = 0): unknown {
  const s = resolve(doc, raw);
  if (!s || depth > 6) return null;
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  const variants = s.anyOf ?? s.oneOf;
  if (variants)
    return sampleValue(doc, variants.find((v: Schema) => v.type !== 'null') ?? variants[0], depth + 1);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((v: Schema) => sampleValue(doc, v, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sampleValue(doc, s.properties?.[key], depth + 1);
      return out;
    }
    case 'array':
      return s.minItems ? [sampleValue(doc, s.items, depth + 1)] : [];
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string':
      if (s.format === 'date-time') return '2030-01-01T00:00:00Z';
      if (s.format === 'email') return 'walker@example.com';
      if (s.format === 'uri') return 'https://example.com/walker';
      return 'walker-sample';
    default:
      return null;
  }
}

/** The schema's top-level enum properties: a walker can send a value that none of them accepts. */
export function enumProperties(doc: OpenApiDoc, raw: Schema): string[] {
  const s = resolve(doc, raw);
  return Object.entries(s?.properties ?? {})
    .filter(([, p]) => resolve(doc, p)?.enum)
    .map(([k]) => k);
}
