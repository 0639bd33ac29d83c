import { describe, expect, it } from 'vitest';
import { defaultSourceRules, deploymentIntent, hasIncidentLabel, severityFromLabels } from './rules.js';

describe('source rules', () => {
  it('reads severity labels in their common spellings', () => {
    expect(severityFromLabels(['bug', 'sev1'])).toBe('sev1');
    expect(severityFromLabels(['SEV-2'])).toBe('sev2');
    expect(severityFromLabels(['severity:3'])).toBe('sev3');
    expect(severityFromLabels(['Sev 4'])).toBe('sev4');
    expect(severityFromLabels(['several', 'sev12'])).toBeUndefined();
  });
  it('matches incident labels case-insensitively', () => {
    expect(hasIncidentLabel(defaultSourceRules, ['Incident'])).toBe(true);
    expect(hasIncidentLabel(defaultSourceRules, ['incidental'])).toBe(false);
  });
  it('says rollback before hotfix, else deploy', () => {
    expect(deploymentIntent(defaultSourceRules, 'deploy', null, 'main')).toBe('deploy');
    expect(deploymentIntent(defaultSourceRules, 'deploy', 'HOTFIX for login')).toBe('hotfix');
    expect(deploymentIntent(defaultSourceRules, 'hotfix/x', 'revert it')).toBe('rollback');
  });
});
