/** Per-tenant rules the source mappers consult; the ledger passes the tenant's own, or these defaults. */
export interface SourceRules {
  /** An issue with one of these labels (case-insensitive) is an incident. */
  incidentLabels: string[];
  /** A deployment whose task, description or ref matches is a hotfix. */
  hotfix: RegExp;
  /** … or a rollback (checked first: "revert hotfix" is a rollback). */
  rollback: RegExp;
}

export const defaultSourceRules: SourceRules = {
  incidentLabels: ['incident'],
  hotfix: /hotfix/i,
  rollback: /rollback|revert/i,
};

/** What a deployment says it was, from free text the source gives (task, description, ref). */
export function deploymentIntent(
  rules: SourceRules,
  ...texts: (string | null | undefined)[]
): 'deploy' | 'rollback' | 'hotfix' {
  const said = texts.filter((t): t is string => typeof t === 'string' && t.length > 0);
  if (said.some((t) => rules.rollback.test(t))) return 'rollback';
  if (said.some((t) => rules.hotfix.test(t))) return 'hotfix';
  return 'deploy';
}

/** True when any label is one of the incident labels (case-insensitive). */
export function hasIncidentLabel(rules: SourceRules, labels: string[]): boolean {
  const wanted = new Set(rules.incidentLabels.map((l) => l.toLowerCase()));
  return labels.some((l) => wanted.has(l.toLowerCase()));
}

/** Severity from a label such as `sev1`, `SEV-2`, `severity:1`, `Sev 3` → `sev1`…; else undefined. */
export function severityFromLabels(labels: string[]): string | undefined {
  for (const label of labels) {
    const m = /^sev(?:erity)?[\s:_-]*(\d)$/i.exec(label.trim());
    if (m) return `sev${m[1]}`;
  }
  return undefined;
}
