import { type AlertPolicy, isRef, type Ref, type SloObject, type SloObjectKind } from '../model.js';
import type { Report } from './check.js';

export interface Located {
  object: SloObject;
  report: Report;
}

type Named<K extends SloObjectKind> = Extract<SloObject, { kind: K }>;

/**
 * Replaces every reference (indicatorRef, alertPolicyRef, conditionRef, targetRef) with a copy of
 * the object it names, as go-sdk's ReferenceInliner does. A reference to a missing object is
 * reported at its path and the referring object is left out. Returns the objects that survive,
 * without those that other objects referenced when `removeReferenced` is set.
 */
export function inlineReferences(entries: readonly Located[], removeReferenced: boolean): SloObject[] {
  const first = new Map<string, SloObject>();
  for (const { object } of entries) {
    const key = `${object.kind}/${object.name}`;
    if (!first.has(key)) first.set(key, object);
  }
  const used = new Set<string>();
  const lookup = <K extends SloObjectKind>(kind: K, ref: Ref, report: () => void): Named<K> | undefined => {
    const found = first.get(`${kind}/${ref.ref}`) as Named<K> | undefined;
    if (found) used.add(`${kind}/${ref.ref}`);
    else report();
    return found;
  };
  const missing = (kind: string, name: string) => `${kind} "${name}" does not exist in the import`;

  const resolvePolicy = (policy: AlertPolicy, at: PropertyKey[], report: Report): AlertPolicy | undefined => {
    let ok = true;
    const conditions = policy.conditions.map((c, j) => {
      if (!isRef(c)) return c;
      const found = lookup('AlertCondition', c, () =>
        report([...at, 'conditions', j, 'conditionRef'], missing('AlertCondition', c.ref)),
      );
      ok &&= found !== undefined;
      return found ?? c;
    });
    const notificationTargets = policy.notificationTargets.map((t, k) => {
      if (!isRef(t)) return t;
      const found = lookup('AlertNotificationTarget', t, () =>
        report([...at, 'notificationTargets', k, 'targetRef'], missing('AlertNotificationTarget', t.ref)),
      );
      ok &&= found !== undefined;
      return found ?? t;
    });
    return ok ? { ...policy, conditions, notificationTargets } : undefined;
  };

  // Policies first, so that an SLO naming a policy gets the policy with its own references inlined.
  const resolved = new Map<SloObject, SloObject | undefined>();
  for (const { object, report } of entries) {
    if (object.kind !== 'AlertPolicy') continue;
    const policy = resolvePolicy(object, ['spec'], report);
    resolved.set(object, policy);
    if (first.get(`AlertPolicy/${object.name}`) === object)
      first.set(`AlertPolicy/${object.name}`, policy ?? object);
  }
  for (const { object, report } of entries) {
    if (object.kind !== 'SLO') continue;
    let ok = true;
    const sli = (ref: Ref, path: PropertyKey[]) => {
      const found = lookup('SLI', ref, () => report(path, missing('SLI', ref.ref)));
      ok &&= found !== undefined;
      return found ?? ref;
    };
    const indicator =
      object.indicator && isRef(object.indicator)
        ? sli(object.indicator, ['spec', 'indicatorRef'])
        : object.indicator;
    const objectives = object.objectives.map((o, i) =>
      o.indicator && isRef(o.indicator)
        ? { ...o, indicator: sli(o.indicator, ['spec', 'objectives', i, 'indicatorRef']) }
        : o,
    );
    const alertPolicies = object.alertPolicies.map((p, i) => {
      const at = ['spec', 'alertPolicies', i];
      if (!isRef(p)) {
        const inlined = resolvePolicy(p, [...at, 'spec'], report);
        ok &&= inlined !== undefined;
        return inlined ?? p;
      }
      const found = lookup('AlertPolicy', p, () => report(at, missing('AlertPolicy', p.ref)));
      const broken = found !== undefined && resolved.get(found) === undefined && resolved.has(found);
      if (broken) report(at, `AlertPolicy "${p.ref}" has references that do not resolve`);
      ok &&= found !== undefined && !broken;
      return found ?? p;
    });
    resolved.set(object, ok ? { ...object, indicator, objectives, alertPolicies } : undefined);
  }
  return entries
    .map(({ object }) => (resolved.has(object) ? resolved.get(object) : object))
    .filter((o): o is SloObject => o !== undefined)
    .filter((o) => !removeReferenced || o.kind === 'SLO' || !used.has(`${o.kind}/${o.name}`));
}
