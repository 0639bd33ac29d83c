import { stringify } from 'yaml';
import type { RuleGroup } from './prometheus.js';

/** A Prometheus rules file (`rule_files:`), as promtool and Prometheus read it. */
export function renderRulesYaml(groups: readonly RuleGroup[]): string {
  return stringify({ groups }, { lineWidth: 0 });
}
