import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, startConsole } from './harness.js';
import {
  commits,
  deliveryEvents,
  hooliCatalog,
  legacyRepo,
  warehouseDeploymentId,
} from './ledger-fixtures.js';

const tenant = 'hooli';
const short = (sha: string) => sha.slice(0, 7);

/** The text of one column of a table's body rows, in the order shown. */
async function column(page: Page, table: string, index: number): Promise<string[]> {
  const cells = page.getByRole('table', { name: table }).locator(`tbody tr > :nth-child(${index})`);
  return (await cells.allTextContents()).map((t) => t.trim());
}

describe('delivery ledger console in a real browser', () => {
  let h: ConsoleHarness;
  let adminToken: string;

  beforeAll(async () => {
    h = await startConsole();
    await h.api('POST', '/api/v1/tenants', { body: { id: tenant, name: 'Hooli' } });
    const imported = await h.api<{ errors: unknown[] }>('POST', '/api/v1/catalog/import', {
      tenant,
      body: { files: [{ path: 'catalog-info.yaml', content: hooliCatalog }] },
    });
    expect(imported.errors).toEqual([]);
    const ingested = await h.api<{ accepted: number; rejected: number }>('POST', '/api/v1/events', {
      tenant,
      contentType: 'application/cloudevents-batch+json',
      body: deliveryEvents,
    });
    expect(ingested).toMatchObject({ accepted: deliveryEvents.length, rejected: 0 });
    const token = await h.api<{ secret: string }>('POST', '/api/v1/tokens', {
      tenant,
      body: { name: 'hooli-admin', role: 'tenant-admin' },
    });
    adminToken = token.secret;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('service page lists its deployments newest first; the newer one shipped exactly 2 commits', async () => {
    const { page } = await h.open({ token: adminToken, path: '/catalog/services/shop' });
    const deployments = page.getByRole('table', { name: 'Recent deployments of shop' });
    await deployments.waitFor();
    // Version column: version, then the short sha beneath it.
    expect(await column(page, 'Recent deployments of shop', 3)).toEqual([
      `1.1.0${short(commits.c3)}`,
      `1.0.0${short(commits.c1)}`,
    ]);
    expect(await column(page, 'Recent deployments of shop', 6)).toEqual(['2', '—']);
    await page.getByRole('table', { name: 'Recent changes of shop' }).waitFor();
    expect(await column(page, 'Recent changes of shop', 1)).toEqual(['Faster checkout#7']);

    await deployments.getByRole('row').filter({ hasText: '1.1.0' }).getByRole('link').click();
    await page.waitForURL('**/delivery/deployments/shop-2');
    await page.getByRole('heading', { level: 1, name: 'shop to production' }).waitFor();
    const shipped = 'Commits this deployment shipped';
    await page.getByRole('table', { name: shipped }).waitFor();
    expect(await column(page, shipped, 1)).toEqual([short(commits.c3), short(commits.c2)]);
    expect(await column(page, shipped, 4)).toEqual(['SHOP-2SHOP-3', 'SHOP-1']);
    const previous = page.getByRole('link', { name: 'shop-1', exact: true });
    expect(await previous.getAttribute('href')).toBe('/delivery/deployments/shop-1');
    await page.screenshot({ path: '/tmp/ledger-deployment.png', fullPage: true });

    // The previous one is the service's first: nothing to compare it with, so nothing counted.
    await previous.click();
    await page.waitForURL('**/delivery/deployments/shop-1');
    await page.getByRole('heading', { level: 1, name: 'shop to production' }).waitFor();
    await expect
      .poll(() => page.getByTestId('derivation').textContent())
      .toBe(
        'First successful deployment of this service to production: no baseline, its changes are not counted.',
      );
    expect(await page.getByRole('table', { name: shipped }).count()).toBe(0);
  });

  it('deployments list filters by status, and the filter is kept in the address', async () => {
    const { page } = await h.open({ token: adminToken, path: '/delivery/deployments' });
    const count = page.getByTestId('deployments-count');
    await page.getByRole('table', { name: 'Deployments' }).waitFor();
    expect(await count.textContent()).toBe('3 deployments');
    expect(await column(page, 'Deployments', 2)).toEqual(['warehouse', 'shop', 'shop']);

    await page.getByLabel('Status').selectOption('failure');
    await page.waitForURL(/[?&]status=failure/);
    await expect.poll(() => page.getByTestId('deployments-count').textContent()).toBe('1 deployment');
    expect(await column(page, 'Deployments', 2)).toEqual(['warehouse']);
    expect(await column(page, 'Deployments', 5)).toEqual(['Failed']);

    await page.reload();
    await expect.poll(() => page.getByTestId('deployments-count').textContent()).toBe('1 deployment');
    expect(await page.getByLabel('Status').inputValue()).toBe('failure');

    await page.getByRole('table', { name: 'Deployments' }).locator('tbody th a').click();
    await page.getByRole('heading', { level: 1, name: 'warehouse to production' }).waitFor();
    expect(await page.locator('.entity-name').textContent()).toBe(warehouseDeploymentId);
    expect(await page.getByTestId('derivation').textContent()).toMatch(/did not succeed/);
  });

  it('ingest page: the api source, an unmatched event, and a mapping from the form that matches it', async () => {
    const { page } = await h.open({ token: adminToken, path: '/delivery/ingest' });
    const api = page.getByTestId('source-api');
    await api.waitFor();
    expect(await api.getByTestId('total-events').textContent()).toBe(String(deliveryEvents.length));
    expect(await page.getByTestId('unmatched-count').textContent()).toBe('1');
    expect(await column(page, 'Unmatched events', 1)).toEqual([legacyRepo.replace('https://', '')]);

    // "Map…" starts a mapping for the row's repository.
    await page.getByRole('button', { name: `Map ${legacyRepo} to a service` }).click();
    expect(await page.getByLabel('Repository URL or prefix').inputValue()).toBe(legacyRepo);
    await page.getByLabel('Service', { exact: true }).selectOption('warehouse');
    await page.getByRole('button', { name: 'Add mapping' }).click();
    await page.getByText(`Mapped ${legacyRepo} to warehouse; 1 event matched.`).waitFor();
    await page.getByText('Every event names a catalog service.').waitFor();
    await expect.poll(() => page.getByTestId('unmatched-count').textContent()).toBe('0');
    expect(await column(page, 'Repository mappings', 1)).toEqual([legacyRepo]);
    expect(await column(page, 'Repository mappings', 2)).toEqual(['warehouse']);
  });

  it('sets a new GitHub secret, shows it once, and GitHub deliveries signed with it are accepted', async () => {
    const { page } = await h.open({ token: adminToken, path: '/delivery/ingest' });
    const url = page.getByTestId('webhook-url-github');
    expect(await url.textContent()).toBe(`${h.url}/webhooks/github/${tenant}`);
    expect(await page.getByTestId('webhook-url-gitlab').textContent()).toBe(
      `${h.url}/webhooks/gitlab/${tenant}`,
    );
    await page.getByText('None set: webhooks are refused until one is.').first().waitFor();

    await page.getByRole('button', { name: 'Set new GitHub secret' }).click();
    const shown = page.getByTestId('secret-github');
    await shown.waitFor();
    const secret = (await shown.textContent()) ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(await page.getByTestId('secret-gitlab').count()).toBe(0);

    const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const delivery = await fetch(`${h.url}/webhooks/github/${tenant}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'ping',
        'x-hub-signature-256': signature,
      },
      body,
    });
    expect(delivery.status).toBe(200);
    await page.screenshot({ path: '/tmp/ledger-ingest.png', fullPage: true });

    // Once: a reload says when it was set, never what it is.
    await page.reload();
    await page.getByRole('button', { name: 'Set new GitHub secret' }).waitFor();
    await page.getByText(/^Set on /).waitFor();
    expect(await page.getByTestId('secret-github').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
  });

  it('a viewer sees the ingest page without the mapping form, delete buttons or secrets', async () => {
    const viewer = await h.api<{ secret: string }>('POST', '/api/v1/tokens', {
      tenant,
      body: { name: 'hooli-viewer', role: 'viewer' },
    });
    const { page } = await h.open({ token: viewer.secret, path: '/delivery/ingest' });
    await page.getByTestId('source-api').waitFor();
    await page.getByRole('table', { name: 'Repository mappings' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add mapping' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Delete mapping/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /secret/ }).count()).toBe(0);
    expect(await page.getByText('A tenant-admin sets the secret that signs these webhooks.').count()).toBe(2);
  });
});
