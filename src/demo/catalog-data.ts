/** The demo organisation: six teams, three systems, twenty services, as Backstage catalog-info.yaml. */
interface DemoService {
  name: string;
  owner: string;
  system: string;
  tier: number;
  lifecycle: string;
  dependsOn?: string[];
  description: string;
}

export const demoTeams = [
  { name: 'payments', title: 'Payments', people: ['ada', 'grace'] },
  { name: 'checkout-team', title: 'Checkout', people: ['alan', 'barbara'] },
  { name: 'search', title: 'Search & Discovery', people: ['edsger', 'donald'] },
  { name: 'platform', title: 'Platform', people: ['linus', 'margaret'] },
  { name: 'identity', title: 'Identity', people: ['radia', 'whitfield'] },
  { name: 'data', title: 'Data & Insights', people: ['frances', 'john'] },
] as const;

export const demoServices: DemoService[] = [
  {
    name: 'checkout',
    owner: 'checkout-team',
    system: 'storefront',
    tier: 1,
    lifecycle: 'production',
    dependsOn: ['payments-api', 'cart', 'identity-api'],
    description: 'Turns a cart into an order',
  },
  {
    name: 'cart',
    owner: 'checkout-team',
    system: 'storefront',
    tier: 1,
    lifecycle: 'production',
    dependsOn: ['catalog-api'],
    description: 'Shopping cart',
  },
  {
    name: 'payments-api',
    owner: 'payments',
    system: 'money',
    tier: 1,
    lifecycle: 'production',
    dependsOn: ['ledger'],
    description: 'Card and wallet payments',
  },
  {
    name: 'ledger',
    owner: 'payments',
    system: 'money',
    tier: 1,
    lifecycle: 'production',
    description: 'Double-entry ledger',
  },
  {
    name: 'refunds',
    owner: 'payments',
    system: 'money',
    tier: 2,
    lifecycle: 'production',
    dependsOn: ['ledger'],
    description: 'Refund workflows',
  },
  {
    name: 'invoicing',
    owner: 'payments',
    system: 'money',
    tier: 3,
    lifecycle: 'production',
    description: 'Invoices and receipts',
  },
  {
    name: 'search-api',
    owner: 'search',
    system: 'storefront',
    tier: 1,
    lifecycle: 'production',
    dependsOn: ['search-indexer'],
    description: 'Product search',
  },
  {
    name: 'search-indexer',
    owner: 'search',
    system: 'storefront',
    tier: 2,
    lifecycle: 'production',
    dependsOn: ['catalog-api'],
    description: 'Keeps the search index fresh',
  },
  {
    name: 'recommendations',
    owner: 'search',
    system: 'storefront',
    tier: 3,
    lifecycle: 'experimental',
    dependsOn: ['events-pipeline'],
    description: 'You may also like',
  },
  {
    name: 'catalog-api',
    owner: 'search',
    system: 'storefront',
    tier: 2,
    lifecycle: 'production',
    description: 'Product catalogue',
  },
  {
    name: 'identity-api',
    owner: 'identity',
    system: 'platform-core',
    tier: 1,
    lifecycle: 'production',
    description: 'Sign-in and sessions',
  },
  {
    name: 'user-profile',
    owner: 'identity',
    system: 'platform-core',
    tier: 2,
    lifecycle: 'production',
    dependsOn: ['identity-api'],
    description: 'Customer profiles',
  },
  {
    name: 'consent',
    owner: 'identity',
    system: 'platform-core',
    tier: 3,
    lifecycle: 'production',
    description: 'Privacy consent records',
  },
  {
    name: 'api-gateway',
    owner: 'platform',
    system: 'platform-core',
    tier: 1,
    lifecycle: 'production',
    description: 'Edge routing and rate limits',
  },
  {
    name: 'notifications',
    owner: 'platform',
    system: 'platform-core',
    tier: 2,
    lifecycle: 'production',
    description: 'E-mail, SMS and push',
  },
  {
    name: 'feature-flags',
    owner: 'platform',
    system: 'platform-core',
    tier: 2,
    lifecycle: 'production',
    description: 'Flag evaluation',
  },
  {
    name: 'legacy-batch',
    owner: 'platform',
    system: 'platform-core',
    tier: 4,
    lifecycle: 'deprecated',
    description: 'Nightly batch jobs, being retired',
  },
  {
    name: 'events-pipeline',
    owner: 'data',
    system: 'insights',
    tier: 2,
    lifecycle: 'production',
    description: 'Clickstream ingestion',
  },
  {
    name: 'reporting',
    owner: 'data',
    system: 'insights',
    tier: 3,
    lifecycle: 'production',
    dependsOn: ['events-pipeline'],
    description: 'Business reports',
  },
  {
    name: 'experiments',
    owner: 'data',
    system: 'insights',
    tier: 3,
    lifecycle: 'experimental',
    dependsOn: ['events-pipeline', 'feature-flags'],
    description: 'A/B test analysis',
  },
];

const systems = [
  { name: 'storefront', owner: 'checkout-team', description: 'What customers see and buy through' },
  { name: 'money', owner: 'payments', description: 'Everything that moves money' },
  { name: 'platform-core', owner: 'platform', description: 'Shared platform services' },
  { name: 'insights', owner: 'data', description: 'Analytics and experimentation' },
];

/** Multi-document catalog-info.yaml for the demo organisation. */
export function demoCatalogYaml(org = 'demo-org'): string {
  const docs: string[] = [];
  for (const t of demoTeams) {
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ${t.name}
  title: ${t.title}
spec:
  type: team
  profile:
    email: ${t.name}@example.com
  children: []
  members: [${t.people.join(', ')}]`);
    for (const p of t.people) {
      docs.push(`apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ${p}
spec:
  profile:
    displayName: ${p[0]!.toUpperCase()}${p.slice(1)}
    email: ${p}@example.com
  memberOf: [${t.name}]`);
    }
  }
  for (const s of systems) {
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: ${s.name}
  description: ${s.description}
spec:
  owner: group:default/${s.owner}`);
  }
  for (const s of demoServices) {
    const deps = (s.dependsOn ?? []).map((d) => `component:default/${d}`);
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${s.name}
  description: ${s.description}
  labels:
    tier: "${s.tier}"
  annotations:
    github.com/project-slug: ${org}/${s.name}
    throughline.dev/environments: staging,production
  tags: [${s.system}]
spec:
  type: service
  lifecycle: ${s.lifecycle}
  owner: group:default/${s.owner}
  system: ${s.system}${deps.length ? `\n  dependsOn: [${deps.join(', ')}]` : ''}`);
  }
  return `${docs.join('\n---\n')}\n`;
}
