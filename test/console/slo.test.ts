import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, startConsole } from './harness.js';
import { invalidSloYaml, sloCatalog, sloSamples, sloYaml } from './slo-fixtures.js';

const tenant = 'reliable';
const slo = 'checkout-availability';

/** A row of the budget facts, by its term. */
const fact = async (page: Page, term: string) =>
  (
    await page
      .getByTestId('budget-facts')
      .locator('dt', { hasText: term })
      .locator('xpath=following-sibling::dd[1]')
      .textContent()
  )?.trim();

describe('SLO pages in a real browser', () => {
  let h: ConsoleHarness;
  let admin: string;

  beforeAll(async () => {
    h = await startConsole();
    await h.api('POST', '/api/v1/tenants', { body: { id: tenant, name: 'Reliable Inc', timeZone: 'UTC' } });
    const catalog = await h.api<{ errors: unknown[] }>('POST', '/api/v1/catalog/import', {
      tenant,
      body: { files: [{ path: 'catalog-info.yaml', content: sloCatalog }] },
    });
    expect(catalog.errors).toEqual([]);
    const imported = await h.api<{ imported: unknown[] }>('POST', '/api/v1/slo/import', {
      tenant,
      body: { files: [{ path: 'slos.yaml', content: sloYaml }] },
    });
    expect(imported.imported).toHaveLength(2);
    // A target nobody listens on: the alert's delivery fails and is recorded with its attempt.
    await h.api('POST', '/api/v1/slo/notification-targets', {
      tenant,
      body: { name: 'oncall', kind: 'webhook', url: 'http://127.0.0.1:9/hook' },
    });
    const samples = sloSamples();
    const pushed = await h.api('POST', '/api/v1/sli-samples', { tenant, body: { samples } });
    expect(pushed).toMatchObject({ accepted: samples.length, rejected: 0 });
    const evaluated = await h.api('POST', '/api/v1/slo/evaluate', { tenant });
    expect(evaluated).toMatchObject({ opened: 1, resolved: 0 });
    admin = (
      await h.api<{ secret: string }>('POST', '/api/v1/tokens', {
        tenant,
        body: { name: 'reliable-admin', role: 'tenant-admin' },
      })
    ).secret;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lists the SLO under its service with attainment, the budget left and the firing page', async () => {
    const { page } = await h.open({ token: admin, path: '/slo' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('heading', { level: 1, name: 'Service level objectives' }).waitFor();
    const row = page.locator(`tr[data-slo="${slo}"]`);
    await row.waitFor();
    expect(await page.getByRole('rowheader', { name: 'checkout · 1 SLO' }).count()).toBe(1);
    expect(await row.getByTestId('slo-objective').textContent()).toBe('99.9 %');
    expect(await row.getByTestId('slo-attainment').textContent()).toBe('99.95 %');
    const meter = row.getByRole('meter', { name: `Error budget left of ${slo}` });
    expect(await meter.getAttribute('aria-valuenow')).toBe('50');
    expect(await row.getByTestId('budget-value').textContent()).toBe('50.0 %');
    expect(await row.getByTestId('budget-bar').getAttribute('class')).toContain('budget-ok');
    await expect.poll(() => row.getByTestId('slo-alerts').textContent()).toBe('page');
    // The 1h burn rate is far above the 14.4 page threshold (see slo-fixtures.ts).
    await expect.poll(() => row.getByTestId('slo-burn-rate').textContent()).toMatch(/^\d+\.\d×$/);
    expect(Number.parseFloat((await row.getByTestId('slo-burn-rate').textContent()) ?? '')).toBeGreaterThan(
      14.4,
    );
    expect(await row.textContent()).toContain('30d rolling');

    await row.getByRole('link', { name: slo }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkout availability' }).waitFor();
  });

  it('shows the definition, the budget numbers, both charts with thresholds, and the alert', async () => {
    const { page } = await h.open({ token: admin, path: `/slo/${slo}` });
    page.setDefaultTimeout(10_000);
    await page.getByRole('heading', { level: 1, name: 'Checkout availability' }).waitFor();

    const definition = page.getByTestId('slo-definition');
    await expect.poll(() => definition.textContent()).toContain('checkout-requests');
    expect(await definition.textContent()).toContain('Ratio: good events ÷ total events');
    expect(await definition.textContent()).toContain('30 days, rolling');
    expect(await definition.textContent()).toContain('Occurrences');
    expect(await definition.textContent()).toContain('99.9 %');

    await page.getByTestId('budget-remaining').waitFor();
    expect(await page.getByTestId('budget-remaining').textContent()).toBe('50.0 %');
    expect(await fact(page, 'Attainment')).toBe('99.95 % against 99.9 %');
    expect(await fact(page, 'Total budget')).toBe('100 events');
    expect(await fact(page, 'Consumed')).toBe('50 events (50.0 %)');
    expect(await fact(page, 'Remaining')).toBe('50 events (50.0 %)');
    // At the 6h burn rate of 0.5×, half a budget lasts a whole 30-day window.
    expect(await fact(page, 'Exhaustion forecast')).toContain('0.50×');
    expect(await fact(page, 'Data coverage')).toMatch(/^0\.6 %/);

    const burndown = page.getByRole('img', { name: 'Error budget remaining over the window' });
    await burndown.waitFor();
    expect(await burndown.getAttribute('aria-describedby')).toBeTruthy();
    const burndownDesc = await page
      .locator(`[id="${await burndown.getAttribute('aria-describedby')}"]`)
      .textContent();
    expect(burndownDesc).toContain('Now 50.0 % of the error budget remains');

    const burnRate = page.getByRole('img', { name: 'Burn rate over 1 hour, through the window' });
    await burnRate.waitFor();
    const lines = page.getByTestId('burn-rate-chart').getByTestId('reference-line');
    expect(await lines.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-value')))).toEqual([
      '14.4',
      '6',
      '3',
      '1',
    ]);
    expect(await lines.allTextContents()).toEqual(['14.4× page', '6.0× page', '3.0× ticket', '1.0× ticket']);
    const burnDesc = await page
      .locator(`[id="${await burnRate.getAttribute('aria-describedby')}"]`)
      .textContent();
    expect(burnDesc).toContain('Alert thresholds: 14.4× page, 6.0× page, 3.0× ticket, 1.0× ticket');
    expect(await page.getByTestId('burn-rate-chart').locator('path.series-line').count()).toBe(1);

    const alerts = page.getByTestId('alerts-table');
    await alerts.waitFor();
    const rows = alerts.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('th').textContent()).toBe('page');
    expect(await rows.first().textContent()).toContain('Firing');
    expect(await rows.first().textContent()).toContain('ongoing');
    expect(await rows.first().locator('td').last().textContent()).toBe('50.0 %');
    expect(await page.getByTestId('firing-alert').textContent()).toBe('page alert firing');

    const rules = page.getByRole('link', { name: 'Download Prometheus rules' });
    expect(await rules.getAttribute('href')).toBe(`/api/v1/slos/${slo}/rules?format=prometheus`);
    const yaml = await page.request.get((await rules.getAttribute('href')) ?? '');
    expect(yaml.ok()).toBe(true);
    expect(await yaml.text()).toContain('sloth_slo: checkout-availability');

    await page.screenshot({ path: '/tmp/slo-page.png', fullPage: true });
  });

  it('lists every problem of an invalid OpenSLO document with its field path, importing nothing', async () => {
    const { page } = await h.open({ token: admin, path: '/slo/import' });
    page.setDefaultTimeout(10_000);
    await page.getByLabel('File name').fill('broken.yaml');
    await page.getByLabel('OpenSLO YAML').fill(invalidSloYaml);
    await page.getByRole('button', { name: 'Import' }).click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual([
      'broken.yaml, document 1: /spec/objectives/0/target must be below 1',
    ]);
    expect(await page.getByRole('alert').textContent()).toContain('Nothing was imported: 1 problem');

    // A valid document replaces the problems with what was imported.
    await page.getByLabel('OpenSLO YAML').fill(sloYaml);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('imported').waitFor();
    expect(await page.getByTestId('imported').locator('li').allTextContents()).toEqual([
      'SLI checkout-requests',
      `SLO ${slo}`,
    ]);
    expect(await problems.count()).toBe(0);
  });

  it("shows the service's SLOs with their budget on the service page", async () => {
    const { page } = await h.open({ token: admin, path: '/catalog/services/checkout' });
    page.setDefaultTimeout(10_000);
    const section = page.getByTestId('service-slos');
    await section.waitFor();
    const card = section.locator('li');
    expect(await card.count()).toBe(1);
    expect(await card.getByTestId('budget-value').textContent()).toBe('50.0 %');
    expect(await card.textContent()).toContain('Attainment 99.95 % · objective 99.9 %');
    await card.getByRole('link', { name: 'Checkout availability' }).click();
    await page.waitForURL(new RegExp(`/slo/${slo}$`));
  });

  it('adds a webhook target showing its secret once, lists deliveries with attempts, removes it', async () => {
    const { page } = await h.open({ token: admin, path: '/slo/notifications' });
    page.setDefaultTimeout(10_000);
    const targets = page.getByTestId('targets-table');
    await targets.waitFor();
    expect(await targets.locator('tbody th').allTextContents()).toEqual(['oncall']);

    // The alert opened by the seed was sent to the only target, which refused the connection.
    const deliveries = page.getByTestId('deliveries-table');
    await deliveries.waitFor();
    const delivery = deliveries.locator('tbody tr').first();
    expect(await delivery.locator('th').textContent()).toBe('Alert opened');
    expect(await delivery.locator('td').first().textContent()).toBe('oncall');
    expect(await delivery.locator('.attempts li').count()).toBeGreaterThanOrEqual(1);
    expect(await delivery.locator('.attempts li .attempt-failed').count()).toBeGreaterThanOrEqual(1);

    await page.getByLabel('Name').fill('pager');
    await page.getByLabel('Kind').selectOption('webhook');
    await page.getByLabel('URL').fill('https://example.com/hooks/slo');
    await page.getByRole('button', { name: 'Add target' }).click();
    const secret = page.getByTestId('target-secret');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/^\S{20,}$/);
    await expect.poll(() => targets.locator('tbody th').allTextContents()).toEqual(['oncall', 'pager']);

    // Never again: the list has no secret, and a reload shows none.
    const listed = await h.api<{ items: Record<string, unknown>[] }>(
      'GET',
      '/api/v1/slo/notification-targets',
      {
        tenant,
      },
    );
    expect(listed.items.every((t) => !('secret' in t))).toBe(true);
    await page.reload();
    await targets.waitFor();
    expect(await page.getByTestId('target-secret').count()).toBe(0);

    await page.getByRole('button', { name: 'Remove pager' }).click();
    await page.getByRole('button', { name: 'Confirm removal of pager' }).click();
    await expect.poll(() => targets.locator('tbody th').allTextContents()).toEqual(['oncall']);
  });

  it('rejects a Slack target whose URL is not a URL, beside the field', async () => {
    const { page } = await h.open({ token: admin, path: '/slo/notifications' });
    page.setDefaultTimeout(10_000);
    await page.getByTestId('targets-table').waitFor();
    await page.getByLabel('Name').fill('team-channel');
    await page.getByLabel('Kind').selectOption('slack');
    await page.getByLabel('URL').fill('not a url');
    await page.getByRole('button', { name: 'Add target' }).click();
    await expect.poll(() => page.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('target-created').count()).toBe(0);
  });
});
