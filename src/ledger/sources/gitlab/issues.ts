import type { Fact, IncidentFact } from '../../facts.js';
import { defined, labelNames, num, obj, str } from '../payload.js';
import { hasIncidentLabel, severityFromLabels } from '../rules.js';
import { parseTimestamp } from '../time.js';
import type { GitlabInput } from './context.js';

/**
 * Issue Hook: GitLab incidents (`issue_type: incident`, or the work item type Incident) and issues
 * with an incident label. Severity from a `sevN` label, else GitLab's own incident severity.
 */
export function gitlabIssue({ payload, rules, repo, path }: GitlabInput): Fact[] {
  const issue = obj(payload.object_attributes);
  const iid = num(issue.iid);
  const labels = labelNames(payload.labels ?? issue.labels);
  const typed = str(issue.issue_type) === 'incident' || str(issue.type)?.toLowerCase() === 'incident';
  if (iid === undefined || !(typed || hasIncidentLabel(rules, labels))) return [];
  const closed = str(issue.state) === 'closed';
  const gitlabSeverity = str(issue.severity);
  return [
    defined<IncidentFact>({
      kind: 'incident',
      id: `gitlab:${path}#${iid}`,
      repo,
      title: str(issue.title),
      severity: severityFromLabels(labels) ?? (gitlabSeverity !== 'unknown' ? gitlabSeverity : undefined),
      status: closed ? 'resolved' : 'detected',
      detectedAt: parseTimestamp(issue.created_at),
      resolvedAt: closed ? (parseTimestamp(issue.closed_at) ?? parseTimestamp(issue.updated_at)) : undefined,
      url: str(issue.url),
    }),
  ];
}
