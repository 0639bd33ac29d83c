/** Reads Backstage entity references (`[kind:][namespace/]name`) well enough to link them. */
export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

export function parseEntityRef(ref: string, defaultKind = 'component'): EntityRef {
  let colon = ref.indexOf(':');
  const slash = ref.indexOf('/');
  if (slash !== -1 && slash < colon) colon = -1;
  return {
    kind: (colon === -1 ? defaultKind : ref.slice(0, colon)).toLowerCase(),
    namespace: slash === -1 ? 'default' : ref.slice(colon + 1, slash),
    name: ref.slice(Math.max(colon + 1, slash + 1)),
  };
}

/** The shortest faithful label: the bare name for a component in the default namespace. */
export function refLabel(ref: EntityRef): string {
  const ns = ref.namespace === 'default' ? '' : `${ref.namespace}/`;
  return ref.kind === 'component' ? `${ns}${ref.name}` : `${ref.kind}:${ns}${ref.name}`;
}
