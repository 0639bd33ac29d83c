import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapToken, type ConsoleHarness, startConsole, waitForRows } from './harness.js';
import { addDays, doraCatalog, doraEvents, doraTimeZone, scenarioMonday } from './measures-fixtures.js';

const monday = scenarioMonday();
const sunday = addDays(monday, 6);
const week = `from=${monday}&to=${sunday}`;

/** One metric card of the dashboard, by its title. */
const card = (page: Page, title: string) => page.getByRole('article', { name: title, exact: true });
const text = async (page: Page, title: string, testId: string) =>
  ((await card(page, title).getByTestId(testId).textContent()) ?? '').trim();

describe('DORA dashboard in a real browser', () => {
  let h: ConsoleHarness;
  const admins: Record<string, string> = {};

  beforeAll(async () => {
    h = await startConsole();
    // Two tenants with the same week: the settings test changes the second one's attribution.
    for (const [id, name] of [
      ['acme', 'Acme Corp'],
      ['globex', 'Globex'],
    ] as const) {
      await h.api('POST', '/api/v1/tenants', { body: { id, name, timeZone: doraTimeZone } });
      const imported = await h.api<{ errors: unknown[] }>('POST', '/api/v1/catalog/import', {
        tenant: id,
        body: { files: [{ path: 'catalog-info.yaml', content: doraCatalog }] },
      });
      expect(imported.errors).toEqual([]);
      const events = doraEvents(monday);
      const ingested = await h.api('POST', '/api/v1/events', {
        tenant: id,
        contentType: 'application/cloudevents-batch+json',
        body: events,
      });
      expect(ingested).toMatchObject({ accepted: events.length, rejected: 0 });
      const token = await h.api<{ secret: string }>('POST', '/api/v1/tokens', {
        tenant: id,
        body: { name: `${id}-admin`, role: 'tenant-admin' },
      });
      admins[id] = token.secret;
    }
  });

  afterAll(async () => {
    await h?.close();
  });

  it("shows the service's week: five numbers in human units, their counts and levels", async () => {
    const { page } = await h.open({ token: admins.acme, path: `/measures/dora?service=shop&${week}` });
    await page.getByRole('heading', { level: 1, name: 'shop' }).waitFor();
    await card(page, 'Deployment frequency').waitFor();
    const expected = {
      'Deployment frequency': { value: '1 / day', level: 'Elite', counts: '7 deployments on 6 days' },
      'Change lead time': { value: '3h 45m', level: 'Elite', counts: 'measured 8 of 9 changes' },
      'Change fail rate': { value: '42.9 %', level: 'Low', counts: '3 of 7 deployments failed' },
      'Failed deployment recovery time': {
        value: '3h',
        level: 'High',
        counts: 'median of 3 recovered failures',
      },
      'Deployment rework rate': {
        value: '28.6 %',
        level: 'no levels',
        counts: '2 of 7 deployments unplanned',
      },
    };
    for (const [title, want] of Object.entries(expected)) {
      expect(await text(page, title, 'metric-value'), title).toBe(want.value);
      expect(await card(page, title).locator('header').textContent(), title).toBe(`${title}${want.level}`);
      expect(await text(page, title, 'metric-counts'), title).toContain(want.counts);
    }
    expect(await text(page, 'Change lead time', 'metric-counts')).toContain('1 first deployment excluded');
    expect(await text(page, 'Change lead time', 'metric-counts')).toContain('p90 5h 48m');
    expect(await page.getByTestId('dora-window').textContent()).toContain(`7 days in ${doraTimeZone}`);

    // The definition is there, folded away.
    const failRate = card(page, 'Change fail rate');
    await failRate.getByText('Definition').click();
    expect(await failRate.locator('details p').textContent()).toMatch(/needed intervention/);

    // DORA 2024 publishes no recovery-time cells and no low change fail rate: marked unconfirmed.
    await page.getByLabel('Levels').selectOption('2024');
    await page.waitForURL(/[?&]levels=2024/);
    await expect
      .poll(() => card(page, 'Failed deployment recovery time').locator('header').textContent())
      .toBe('Failed deployment recovery timeHighunconfirmed');
    expect(await failRate.locator('header').textContent()).toBe('Change fail rateLowunconfirmed');
    expect(await card(page, 'Change lead time').locator('header').textContent()).toBe(
      'Change lead timeElite',
    );
    await page.getByLabel('Levels').selectOption('2023');
    await expect.poll(() => failRate.locator('header').textContent()).toBe('Change fail rateLow');
    await page.screenshot({ path: '/tmp/measures-dashboard.png', fullPage: true });
  });

  it('drills down from the change fail rate to exactly the three failed deployments', async () => {
    const { page } = await h.open({ token: admins.acme, path: `/measures/dora?service=shop&${week}` });
    page.setDefaultTimeout(10_000);
    await page.getByRole('link', { name: 'See the 3 failed deployments' }).click();
    await page.waitForURL(/\/measures\/dora\/events\?.*metric=change-failures/);
    await page.getByRole('heading', { level: 1, name: 'Failed deployments' }).waitFor();
    await waitForRows(page, ['D2', 'D4', 'D5']);
    expect(await page.getByTestId('events-count').textContent()).toBe('3 deployments');
    const d4 = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'D4' }) });
    expect(await d4.textContent()).toContain('Incident I1');
    expect(await d4.textContent()).toContain('Restored by D5');
    await page.screenshot({ path: '/tmp/measures-drill-down.png', fullPage: true });

    // Every change with its lead time, on the next tab.
    await page
      .getByRole('navigation', { name: 'DORA metric' })
      .getByRole('link', { name: 'Lead time' })
      .click();
    await page.waitForURL(/metric=lead-time/);
    await expect.poll(() => page.getByTestId('events-count').textContent()).toBe('9 changes');

    // A deployment opens on the delivery pages.
    await page
      .getByRole('navigation', { name: 'DORA metric' })
      .getByRole('link', { name: 'Change failures' })
      .click();
    await page.getByRole('rowheader', { name: 'D4' }).getByRole('link').click();
    await page.waitForURL('**/delivery/deployments/D4');
    await page.getByRole('heading', { level: 1, name: 'shop to production' }).waitFor();
  });

  it("lists a team's services, sorts them by a metric and links to each service's dashboard", async () => {
    const { page } = await h.open({ token: admins.acme, path: `/measures/dora?team=shop-team&${week}` });
    await page.getByRole('heading', { level: 1, name: 'Team shop-team' }).waitFor();
    const table = page.getByRole('table', { name: 'DORA metrics by service' });
    await table.waitFor();
    const services = () => table.locator('tbody th[scope="row"]').allTextContents();
    expect(await services()).toEqual(['cart', 'shop']);
    // The team: 3 of 9 deployments failed.
    expect(await text(page, 'Change fail rate', 'metric-value')).toBe('33.3 %');
    const shopRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'shop' }) });
    expect(await shopRow.textContent()).toContain('42.9 %Low');

    const failRate = table.getByRole('columnheader', { name: /Fail rate/ });
    await failRate.getByRole('button').click();
    expect(await failRate.getAttribute('aria-sort')).toBe('ascending');
    expect(await services()).toEqual(['cart', 'shop']);
    await failRate.getByRole('button').click();
    expect(await failRate.getAttribute('aria-sort')).toBe('descending');
    expect(await services()).toEqual(['shop', 'cart']);

    await table.getByRole('link', { name: 'cart', exact: true }).click();
    await page.waitForURL(/[?&]service=cart/);
    expect(page.url()).toContain(week);
    expect(page.url()).not.toContain('team=');
    await page.getByRole('heading', { level: 1, name: 'cart' }).waitFor();
    await expect.poll(() => text(page, 'Deployment frequency', 'metric-value')).toBe('2 / week');
    expect(await text(page, 'Change lead time', 'metric-value')).toBe('2h');
  });

  it('draws the weekly trend: one point per week of the window, each labelled for assistive technology', async () => {
    const trend = await h.api<{ points: { fromDay: string }[] }>(
      'GET',
      '/api/v1/measures/dora/trend?service=shop&last=30&interval=week',
      { tenant: 'acme' },
    );
    const weeks = trend.points.length;
    expect(weeks).toBeGreaterThanOrEqual(5);
    const { page } = await h.open({ token: admins.acme, path: '/measures/dora?service=shop' });
    const deployments = page.getByRole('list', { name: 'Deployments per week' });
    await deployments.waitFor({ state: 'attached' });
    const labels = await deployments.getByRole('listitem').allTextContents();
    expect(labels).toHaveLength(weeks);
    expect(labels.filter((l) => l.endsWith(': 7 deployments'))).toHaveLength(1);
    expect(labels.filter((l) => l.endsWith(': 0 deployments'))).toHaveLength(weeks - 1);
    const leadTime = page.getByRole('list', { name: 'Median lead time per week' }).getByRole('listitem');
    expect((await leadTime.allTextContents()).filter((l) => l.endsWith(': 3h 45m'))).toHaveLength(1);
    // The picture has a bar per week too (height 0 where nothing deployed).
    const chart = page.getByTestId('trend-chart').first();
    expect(await chart.locator('.chart-bar').count()).toBe(weeks);
    expect(await chart.locator('title').allTextContents()).toEqual(labels);
  });

  it('lets a tenant-admin widen the attribution window, showing a wrong value beside its field', async () => {
    const { page } = await h.open({ token: admins.globex, path: `/measures/dora?service=shop&${week}` });
    await expect.poll(() => text(page, 'Change fail rate', 'metric-value')).toBe('42.9 %');
    await page.getByRole('button', { name: 'Settings' }).click();
    const hours = page.getByLabel('Attribution window (hours)');
    expect(await hours.inputValue()).toBe('24');

    await hours.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => hours.getAttribute('aria-invalid')).toBe('true');
    const message = await page.locator(`#${await hours.getAttribute('aria-describedby')}`).textContent();
    expect(message).toMatch(/>=\s*1/);
    expect(
      (
        await h.api<{ attributionWindowHours: number }>('GET', '/api/v1/measures/dora/settings', {
          tenant: 'globex',
        })
      ).attributionWindowHours,
    ).toBe(24);

    // 48 h reaches I2, 36.5 h after D7: D7 failed too, and has not recovered.
    await hours.fill('48');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await hours.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => text(page, 'Change fail rate', 'metric-value')).toBe('57.1 %');
    expect(await text(page, 'Change fail rate', 'metric-counts')).toBe('4 of 7 deployments failed');
    expect(await text(page, 'Failed deployment recovery time', 'metric-counts')).toBe(
      'median of 3 recovered failures; 1 not recovered',
    );
    expect(await h.api('GET', '/api/v1/measures/dora/settings', { tenant: 'globex' })).toMatchObject({
      attributionWindowHours: 48,
    });
  });

  it('shows the portfolio to the provider, opening a tenant in its dashboard; a tenant-admin has none', async () => {
    const { page } = await h.open({ token: bootstrapToken, path: '/measures/portfolio' });
    await waitForRows(page, ['Acme Corp', 'Globex']);
    const acme = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Acme Corp/ }) });
    // The last 30 days of every service: 3 of 9 deployments failed.
    expect(await acme.textContent()).toContain('33.3 %Low');
    await page.screenshot({ path: '/tmp/measures-portfolio.png', fullPage: true });

    await page.getByRole('link', { name: 'Globex', exact: true }).click();
    await page.waitForURL(/\/measures\/dora$/);
    await page.getByRole('heading', { level: 1, name: 'All services' }).waitFor();
    expect(await page.getByLabel('Tenant').inputValue()).toBe('globex');
    await card(page, 'Change fail rate').waitFor();

    const admin = await h.open({ token: admins.acme, path: '/measures/dora' });
    const nav = admin.page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'DORA' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Portfolio' }).count()).toBe(0);
    expect(await nav.textContent()).toContain('Measures');
    await card(admin.page, 'Change fail rate').waitFor();
    expect(await admin.page.getByRole('button', { name: 'Settings' }).count()).toBe(1);

    // Only tenant-admins change how DORA is computed.
    const viewer = await h.api<{ secret: string }>('POST', '/api/v1/tokens', {
      tenant: 'acme',
      body: { name: 'acme-viewer', role: 'viewer' },
    });
    const v = await h.open({ token: viewer.secret, path: '/measures/dora' });
    await card(v.page, 'Change fail rate').waitFor();
    expect(await v.page.getByRole('button', { name: 'Settings' }).count()).toBe(0);
  });

  it('summarises the last 30 days on the service and team pages, linking to the scoped dashboard', async () => {
    const { page } = await h.open({ token: admins.acme, path: '/catalog/services/shop' });
    const strip = page.getByRole('region', { name: 'DORA (last 30 days)' });
    await strip.getByText('3h 45m').waitFor();
    expect(await strip.locator('dd').allTextContents()).toEqual([
      expect.stringMatching(/ \/ week(Medium|Low|High)$/),
      '3h 45mElite',
      '42.9 %Low',
      '3hHigh',
    ]);
    await strip.getByRole('link', { name: 'Open the DORA dashboard for shop' }).click();
    await page.waitForURL(/\/measures\/dora\?service=shop$/);
    await page.getByRole('heading', { level: 1, name: 'shop' }).waitFor();

    await page.goto('/catalog/teams/shop-team');
    const teamStrip = page.getByRole('region', { name: 'DORA (last 30 days)' });
    await teamStrip.getByText('33.3 %').waitFor();
    await teamStrip.getByRole('link', { name: 'Open the DORA dashboard for shop-team' }).click();
    await page.waitForURL(/\/measures\/dora\?team=shop-team$/);
    await page.getByRole('heading', { level: 1, name: 'Team shop-team' }).waitFor();
  });
});
