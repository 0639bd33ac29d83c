export { gitlabMergeRequest, gitlabPush } from './code.js';
export { gitlabDeployment, gitlabRelease } from './deployment.js';
export { gitlabIssue } from './issues.js';
export { mapGitlabEvent } from './map.js';
export { gitlabJob, gitlabPipeline, gitlabRunStatus } from './runs.js';
export { verifyGitlabToken } from './token.js';
