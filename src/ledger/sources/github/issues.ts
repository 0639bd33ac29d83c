import type { Fact, IncidentFact } from '../../facts.js';
import { defined, labelNames, num, obj, str } from '../payload.js';
import { hasIncidentLabel, severityFromLabels } from '../rules.js';
import { parseTimestamp } from '../time.js';
import type { GithubInput } from './context.js';

/**
 * issues: an issue carrying an incident label is an incident. Every action reports the issue as it
 * now stands (open → detected, closed → resolved), so labelling an open issue later still counts;
 * a deleted or transferred issue maps to nothing.
 */
export function githubIssue(input: GithubInput): Fact[] {
  const action = str(input.payload.action);
  const issue = obj(input.payload.issue);
  const number = num(issue.number);
  const labels = labelNames(issue.labels);
  if (number === undefined || action === 'deleted' || action === 'transferred') return [];
  if (!hasIncidentLabel(input.rules, labels)) return [];
  const closed = str(issue.state) === 'closed' || action === 'closed';
  return [
    defined<IncidentFact>({
      kind: 'incident',
      id: `github:${input.fullName}#${number}`,
      repo: input.repo,
      title: str(issue.title),
      severity: severityFromLabels(labels),
      status: closed ? 'resolved' : 'detected',
      detectedAt: parseTimestamp(issue.created_at),
      resolvedAt: closed ? (parseTimestamp(issue.closed_at) ?? input.receivedAt) : undefined,
      url: str(issue.html_url),
    }),
  ];
}
