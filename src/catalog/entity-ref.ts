/**
 * Backstage's naming rules and entity references, as `@backstage/catalog-model` defines them
 * (validation/KubernetesValidatorFunctions.ts, validation/makeValidator.ts, entity/ref.ts).
 */

/** Strings of [a-zA-Z0-9] separated by -, _ or ., 1–63 characters (a Kubernetes object name). */
export function isValidEntityName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= 63 &&
    /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(value)
  );
}

/** Lower-case [a-z0-9] groups separated by single dashes, 1–63 characters (an RFC 1123 DNS label). */
export function isValidNamespace(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}

/** Lower-case [a-z0-9:+#] groups separated by single dashes, 1–63 characters. */
export function isValidTag(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/.test(value);
}

export function isValidKind(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && /^[a-zA-Z][a-z0-9A-Z]*$/.test(value);
}

function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && value.split('.').every(isValidNamespace);
}

/** `prefix/name` or `name`, where the prefix is a DNS subdomain: the shape of label and annotation keys. */
export function isValidMetadataKey(value: string): boolean {
  const parts = value.split('/');
  if (parts.length === 1) return isValidEntityName(parts[0]);
  return parts.length === 2 && isDnsSubdomain(parts[0]!) && isValidEntityName(parts[1]);
}

export function isValidLabelValue(value: unknown): boolean {
  return value === '' || isValidEntityName(value);
}

export const nameRule = 'strings of [a-zA-Z0-9] separated by -, _ or ., at most 63 characters';
export const namespaceRule = 'lower-case [a-z0-9] separated by single dashes, at most 63 characters';
export const tagRule = 'lower-case [a-z0-9:+#] separated by single dashes, at most 63 characters';

export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Parses `[kind:][namespace/]name`; the kind and namespace come from context when absent
 * (an owner is a group, a dependency a component). Returns the reason when the ref is malformed.
 */
export function parseEntityRef(
  ref: unknown,
  context: { defaultKind: string; defaultNamespace?: string },
): EntityRef | { error: string } {
  if (typeof ref !== 'string' || ref === '') return { error: 'must be a non-empty entity reference' };
  let colon = ref.indexOf(':');
  const slash = ref.indexOf('/');
  // A colon after the slash belongs to the name part, as in Backstage's parser.
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? context.defaultKind : ref.slice(0, colon);
  const namespace = slash === -1 ? (context.defaultNamespace ?? 'default') : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon + 1, slash + 1));
  const shape = 'is not of the form [<kind>:][<namespace>/]<name>';
  if (!isValidKind(kind)) return { error: `"${ref}" ${shape}: bad kind "${kind}"` };
  if (!isValidNamespace(namespace)) return { error: `"${ref}" ${shape}: bad namespace "${namespace}"` };
  if (!isValidEntityName(name)) return { error: `"${ref}" ${shape}: bad name "${name}" (${nameRule})` };
  return { kind: kind.toLowerCase(), namespace, name };
}

/** The canonical form, `kind:namespace/name`, with the kind in lower case as Backstage writes it. */
export function stringifyEntityRef(ref: EntityRef): string {
  return `${ref.kind.toLowerCase()}:${ref.namespace}/${ref.name}`;
}

export function isEntityRef(value: EntityRef | { error: string }): value is EntityRef {
  return !('error' in value);
}
