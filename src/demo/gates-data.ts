/** Demo gate policies and the builds they judge: one approved, one rejected (failing test), one pending. */
export const demoGatePolicies: { name: string; yaml: string }[] = [
  {
    name: 'default',
    yaml: `# Every production change: its build and tests passed, no sev1 open, no year-end freeze.
scope:
  environments: [production]
pendingExpiry: 24h
rules:
  - type: required-checks
    required: [build, "test-*"]
  - type: open-incidents
    severity: sev1
  - type: freeze
    windows:
      - { from: "2099-12-20T00:00:00Z", to: "2100-01-04T00:00:00Z", reason: year-end }
`,
  },
  {
    name: 'payments',
    yaml: `# Payments also needs a security scan; without one its team approves by hand.
scope:
  services: [payments-api]
  environments: [production]
rules:
  - type: required-checks
    required: [build]
  - type: required-checks
    name: security-scan
    outcome: manual
    required: [security-scan]
`,
  },
];

export const demoGateShas = {
  good: 'a1'.repeat(20),
  failing: 'b2'.repeat(20),
  payments: 'c3'.repeat(20),
};

/** Native fact events for the builds and test suites of the demo shas. */
export function demoGateRuns(now: number): unknown[] {
  const run = (id: string, service: string, sha: string, name: string, status: string, level?: 'suite') => ({
    kind: level ? 'test_run' : 'pipeline_run',
    ...(level ? { level } : { category: 'pipeline' }),
    id,
    service,
    sha,
    name,
    status,
    startedAt: new Date(now - 3_600_000).toISOString(),
    finishedAt: new Date(now - 3_000_000).toISOString(),
  });
  const facts = [
    run('demo-gate-1', 'cart', demoGateShas.good, 'build', 'success'),
    run('demo-gate-2', 'cart', demoGateShas.good, 'test-unit', 'success', 'suite'),
    run('demo-gate-3', 'cart', demoGateShas.failing, 'build', 'success'),
    run('demo-gate-4', 'cart', demoGateShas.failing, 'test-unit', 'failure', 'suite'),
    run('demo-gate-5', 'payments-api', demoGateShas.payments, 'build', 'success'),
  ];
  return facts.map((f, i) => ({
    specversion: '1.0',
    id: `demo-gate-run-${i + 1}`,
    source: '/demo/ci',
    type: 'dev.throughline.facts.v1',
    time: new Date(now - 3_000_000).toISOString(),
    data: { facts: [f] },
  }));
}
