import { createHash } from 'node:crypto';

/** A catalog and a delivery history the ledger console tests send through the real API. */

export const hooliCatalog = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: shop
  description: The web shop.
  annotations:
    github.com/project-slug: hooli/shop
spec:
  type: service
  lifecycle: production
  owner: web
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: warehouse
  description: Stock and picking.
  annotations:
    github.com/project-slug: hooli/warehouse
spec:
  type: service
  lifecycle: production
  owner: logistics
`;

export const warehouseDeploymentId = 'github:hooli/warehouse:deployment:41';

export const shopRepo = 'https://github.com/hooli/shop';
/** No catalog entry names it: its events stay unmatched until a mapping does. */
export const legacyRepo = 'https://github.com/hooli/legacy-tools';

const sha = (name: string) => createHash('sha1').update(name).digest('hex');
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** c1 ← c2 ← c3: shop-1 deploys c1 (the first, no baseline), shop-2 deploys c3 and so ships c2 and c3. */
export const commits = {
  c1: sha('c1'),
  c2: sha('c2'),
  c3: sha('c3'),
};

function nativeEvent(id: string, time: string, facts: Record<string, unknown>[]) {
  return { specversion: '1.0', id, source: '/test', type: 'dev.throughline.facts.v1', time, data: { facts } };
}

function commit(
  name: keyof typeof commits,
  parent: keyof typeof commits | null,
  at: string,
  workItems: string[],
) {
  return {
    kind: 'commit',
    repo: shopRepo,
    sha: commits[name],
    parents: parent ? [commits[parent]] : [],
    authoredAt: at,
    committedAt: at,
    workItems,
  };
}

function deployment(p: {
  id: string;
  service: string;
  sha: string;
  status: string;
  version: string;
  at: string;
}) {
  return {
    kind: 'deployment',
    id: p.id,
    service: p.service,
    repo: `https://github.com/hooli/${p.service}`,
    environment: 'production',
    version: p.version,
    sha: p.sha,
    status: p.status,
    startedAt: p.at,
    finishedAt: p.at,
  };
}

/** A batch (application/cloudevents-batch+json) small enough to be derived before the response. */
export const deliveryEvents = [
  nativeEvent('commit-c1', hoursAgo(50), [commit('c1', null, hoursAgo(50), [])]),
  nativeEvent('commit-c2', hoursAgo(30), [commit('c2', 'c1', hoursAgo(30), ['SHOP-1'])]),
  nativeEvent('commit-c3', hoursAgo(26), [commit('c3', 'c2', hoursAgo(26), ['SHOP-2', 'SHOP-3'])]),
  nativeEvent('deploy-shop-1', hoursAgo(48), [
    deployment({
      id: 'shop-1',
      service: 'shop',
      sha: commits.c1,
      status: 'success',
      version: '1.0.0',
      at: hoursAgo(48),
    }),
  ]),
  nativeEvent('deploy-shop-2', hoursAgo(24), [
    deployment({
      id: 'shop-2',
      service: 'shop',
      sha: commits.c3,
      status: 'success',
      version: '1.1.0',
      at: hoursAgo(24),
    }),
  ]),
  nativeEvent('deploy-warehouse-1', hoursAgo(12), [
    deployment({
      // Webhook sources name deployments like this: a slash and colons in the id.
      id: warehouseDeploymentId,
      service: 'warehouse',
      sha: sha('w1'),
      status: 'failure',
      version: '0.9.0',
      at: hoursAgo(12),
    }),
  ]),
  nativeEvent('change-shop-7', hoursAgo(27), [
    {
      kind: 'change',
      repo: shopRepo,
      id: 'github:hooli/shop#7',
      number: 7,
      title: 'Faster checkout',
      state: 'merged',
      openedAt: hoursAgo(40),
      mergedAt: hoursAgo(27),
      workItems: ['SHOP-2'],
    },
  ]),
  // A change of a repository no service lists: stored, and marked unmatched.
  nativeEvent('change-legacy-1', hoursAgo(6), [
    {
      kind: 'change',
      repo: legacyRepo,
      id: 'github:hooli/legacy-tools#1',
      state: 'open',
      title: 'Old scripts',
    },
  ]),
];
