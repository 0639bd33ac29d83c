export { authorId, subjectOf } from './author.js';
export * from './cdevents/index.js';
export { pushCommits } from './commits.js';
export * from './github/index.js';
export * from './gitlab/index.js';
export {
  defaultSourceRules,
  deploymentIntent,
  hasIncidentLabel,
  type SourceRules,
  severityFromLabels,
} from './rules.js';
export { isRfc3339, parseTimestamp } from './time.js';
