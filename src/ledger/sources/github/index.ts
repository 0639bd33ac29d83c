export { githubPullRequest, githubPush } from './code.js';
export { githubDeployment, githubDeploymentStatus } from './deployment.js';
export { githubIssue } from './issues.js';
export { mapGithubEvent } from './map.js';
export { githubRelease } from './release.js';
export { githubCheckRun, githubCheckSuite, githubRunStatus, githubWorkflowRun } from './runs.js';
export { verifyGithubSignature } from './signature.js';
