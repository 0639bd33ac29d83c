import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeCatalog, acmeServices, brokenCatalog, globexCatalog, globexServices } from './fixtures.js';
import { bootstrapToken, type ConsoleHarness, scriptCookies, startConsole, waitForRows } from './harness.js';

const screenshotPath = '/tmp/console-services.png';

describe('console in a real browser', () => {
  let h: ConsoleHarness;
  /** A tenant-admin of acme: a customer's own token, which sees no tenant switcher. */
  let acmeToken: string;
  /** A tenant-admin of an empty tenant the import test writes into, so other tests' lists stay put. */
  let initechToken: string;

  async function tenantAdmin(tenant: string): Promise<string> {
    const created = await h.api<{ secret: string }>('POST', '/api/v1/tokens', {
      tenant,
      body: { name: `${tenant}-admin`, role: 'tenant-admin' },
    });
    return created.secret;
  }

  beforeAll(async () => {
    h = await startConsole();
    for (const [id, name, content] of [
      ['acme', 'Acme Corp', acmeCatalog],
      ['globex', 'Globex', globexCatalog],
    ] as const) {
      await h.api('POST', '/api/v1/tenants', { body: { id, name } });
      const result = await h.api<{ errors: unknown[] }>('POST', '/api/v1/catalog/import', {
        tenant: id,
        body: { files: [{ path: 'catalog-info.yaml', content }] },
      });
      expect(result.errors).toEqual([]);
    }
    await h.api('POST', '/api/v1/tenants', { body: { id: 'initech', name: 'Initech' } });
    acmeToken = await tenantAdmin('acme');
    initechToken = await tenantAdmin('initech');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the problem detail when the token is wrong, and stays on sign-in', async () => {
    const { page } = await h.open();
    await page.getByLabel('API token').fill('not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Unauthorized/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
  });

  it('signs in with a good token and lands on the services of its tenant', async () => {
    const { page } = await h.open();
    await page.getByLabel('API token').fill(acmeToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/catalog/services');
    await waitForRows(page, acmeServices);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Services');
    expect(await page.getByTestId('services-count').textContent()).toBe('4 services');
    const current = page.locator('nav[aria-label="Main"] a[aria-current="page"]');
    expect(await current.allTextContents()).toEqual(['Services']);
    // A customer's token acts in its own tenant only.
    expect(await page.getByLabel('Tenant').count()).toBe(0);
    await page.screenshot({ path: screenshotPath, fullPage: true });
  });

  it('search narrows the list and is kept in the address', async () => {
    const { page } = await h.open({ token: acmeToken, path: '/catalog/services' });
    await waitForRows(page, acmeServices);
    await page.getByLabel('Search').fill('ledger');
    await page.waitForURL(/[?&]q=ledger/);
    await waitForRows(page, ['ledger-service']);
    // The address alone reproduces the list.
    await page.reload();
    await waitForRows(page, ['ledger-service']);
    expect(await page.getByLabel('Search').inputValue()).toBe('ledger');
  });

  it('filters by owner team', async () => {
    const { page } = await h.open({ token: acmeToken, path: '/catalog/services' });
    await waitForRows(page, acmeServices);
    await page.getByLabel('Owner').selectOption('platform');
    await page.waitForURL(/[?&]owner=platform/);
    await waitForRows(page, ['search-service', 'status-page']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForRows(page, acmeServices);
  });

  it('pages through a long list', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `svc-${String(i + 1).padStart(2, '0')}`);
    await h.api('POST', '/api/v1/tenants', { body: { id: 'umbrella', name: 'Umbrella' } });
    for (const name of names)
      await h.api('PUT', `/api/v1/services/${name}`, { tenant: 'umbrella', body: {} });
    const { page } = await h.open({ token: await tenantAdmin('umbrella'), path: '/catalog/services' });
    await waitForRows(page, names.slice(0, 25));
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    expect(await pagination.textContent()).toContain('1–25 of 30');
    await pagination.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/[?&]offset=25/);
    await waitForRows(page, names.slice(25));
    expect(await pagination.textContent()).toContain('26–30 of 30');
    await page.goBack();
    await waitForRows(page, names.slice(0, 25));
  });

  it('opens a service with its owner, repository and dependencies as links', async () => {
    const { page } = await h.open({ token: acmeToken, path: '/catalog/services' });
    await page.getByRole('link', { name: 'payments-api', exact: true }).click();
    await page.waitForURL('**/catalog/services/payments-api');
    await page.getByRole('heading', { level: 1, name: 'Payments API' }).waitFor();
    const owner = page.getByRole('link', { name: 'payments', exact: true });
    expect(await owner.getAttribute('href')).toBe('/catalog/teams/payments');
    expect(await page.getByRole('link', { name: 'https://github.com/acme/payments-api' }).count()).toBe(1);
    await page.getByRole('link', { name: 'ledger-service', exact: true }).click();
    await page.waitForURL('**/catalog/services/ledger-service');
    await page.getByRole('heading', { level: 1, name: 'Ledger' }).waitFor();
    // ledger-service's dependents name payments-api.
    await page.getByRole('link', { name: 'payments-api', exact: true }).waitFor();
  });

  it('shows a team with its members and the services it owns', async () => {
    const { page } = await h.open({ token: acmeToken, path: '/catalog/services/payments-api' });
    await page.getByRole('link', { name: 'payments', exact: true }).click();
    await page.waitForURL('**/catalog/teams/payments');
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    await waitForRows(page, ['ledger-service', 'payments-api']);
    expect(await page.locator('.people').textContent()).toContain('Alice Ng');
  });

  it('lists systems and a system page lists its services', async () => {
    const { page } = await h.open({ token: acmeToken, path: '/catalog/systems' });
    await page.getByRole('link', { name: 'checkout', exact: true }).click();
    await page.waitForURL('**/catalog/systems/checkout');
    await waitForRows(page, ['ledger-service', 'payments-api']);
  });

  it('shows an API error as a readable banner', async () => {
    const { page } = await h.open({ token: acmeToken, path: '/catalog/services/no-such-service' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Not Found/);
  });

  it('import lists every problem as file#document path: message, and what it imported', async () => {
    const { page } = await h.open({ token: initechToken, path: '/catalog/import' });
    await page.getByLabel('YAML').fill(brokenCatalog);
    await page.getByRole('button', { name: 'Import' }).click();
    const problems = page.getByRole('alert');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual([
      'catalog-info.yaml#0 /spec/owner: required',
      'catalog-info.yaml#1 /metadata/annotations/throughline.dev~1tier: "9" is not a tier: use 1-4, tier-1 or tier1',
    ]);
    await page.getByRole('link', { name: 'fresh-service', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'fresh-service' }).waitFor();
  });

  it("tenant switcher shows another tenant's services and not the first's", async () => {
    const { page } = await h.open({ token: bootstrapToken, path: '/catalog/services' });
    const switcher = page.getByLabel('Tenant');
    await switcher.waitFor();
    // The provider's own tenant has no catalog.
    await page.getByText('No services in this tenant yet.').waitFor();
    await switcher.selectOption('acme');
    await waitForRows(page, acmeServices);
    await switcher.selectOption('globex');
    await waitForRows(page, globexServices);
    expect(await page.getByRole('link', { name: 'payments-api' }).count()).toBe(0);
    // The choice survives a reload.
    await page.reload();
    await waitForRows(page, globexServices);
    expect(await page.getByLabel('Tenant').inputValue()).toBe('globex');
  });

  it('signs out back to sign-in; the session cookie is HttpOnly', async () => {
    const { context, page } = await h.open();
    await page.getByLabel('API token').fill(acmeToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForRows(page, acmeServices);
    const session = (await context.cookies()).find((c) => c.name === 'tl_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // Scripts cannot read it.
    expect(await scriptCookies(page)).not.toContain('tl_session');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect((await context.cookies()).some((c) => c.name === 'tl_session')).toBe(false);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });
});
