export {
  type CorpusToEventsOptions,
  corpusToEvents,
  type RebuildOptions,
  rebuildRepository,
} from './corpus.js';
export {
  type DeploymentRule,
  type GitProgress,
  type ReadGitHistoryOptions,
  readGitHistory,
} from './read-git-history.js';
export type { GitCommitRecord, GitTagRecord } from './records.js';
