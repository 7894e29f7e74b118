import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, client, raw, setClock, stack, uniqueName } from '../support/client.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, checkPage, DOCS, type PageCheck } from './page-checks.ts';

/**
 * The console in a real Chromium (Debian's, driven by playwright-core) against the stack the
 * e2e setup started as `pnpm start` does, with the test clock. One browser, one page, the
 * steps in order: a business user's morning. Every page is screenshotted at 1280 and 360 px
 * (e2e/console/artifacts/) and checked with axe-core.
 */
const api = client();
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let operations: Set<string>;
const checks: Record<string, PageCheck> = {};
const pageErrors: string[] = [];

const customerName = uniqueName('Asha');
let customerId = '';
let broadcastId = '';
let originalCalendar: unknown;

/** The README's screenshots: refreshed in docs/ with UPDATE_README_SCREENSHOTS=1, else artifacts. */
const readmeShot = (name: string) =>
  join(process.env['UPDATE_README_SCREENSHOTS'] === '1' ? DOCS : ARTIFACTS, name);
/** The timeline of the week from Tuesday 9 March 2027, drawn. */
const MARCH_9 = 'figure.timeline[data-from="2027-03-09T00:00:00.000Z"] g.sm-window rect';
const url = (hash: string) => `${stack().gatewayUrl}/console/#${hash}`;
async function open(hash: string, ready: string): Promise<void> {
  await page.goto(url(hash));
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
}
async function check(name: string): Promise<void> {
  checks[name] = await checkPage(page, name);
  expect(checks[name].violations, `${name}: serious or critical axe-core violations`).toEqual({
    1280: [],
    360: [],
  });
  expect(checks[name].overflow, `${name}: sideways scrolling`).toEqual({ 1280: 0, 360: 0 });
}
const attr = (selector: string, name: string) =>
  page.locator(selector).evaluateAll((nodes, n) => nodes.map((node) => node.getAttribute(n)), name);

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchChromium());
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const document = (await raw.get<{ paths: Record<string, object> }>('/openapi.json')).body;
  operations = new Set(
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    ),
  );
  originalCalendar = (await api.GET('/v1/business-calendar')).data!.calendar;
  // Saturday noon in London: an order placed now waits for Monday 09:00.
  await setClock('2026-12-05T12:00:00Z');
});

afterAll(async () => {
  await closeBrowser?.();
  // The run shares one business calendar: put back what this file changed.
  if (originalCalendar !== undefined) {
    const restored = await call('PUT', '/v1/business-calendar', { body: originalCalendar });
    expect(restored.status).toBe(200);
  }
});

describe('the console', () => {
  it('asks for the API key once and keeps it for the browser session', async () => {
    await page.goto(url('/today'));
    await page.locator('#api-key').waitFor();
    await check('key-prompt');
    await page.fill('#api-key', 'not-the-key');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('[role=alert]').first().textContent()).toContain('401');

    await page.fill('#api-key', stack().apiKey);
    await page.click('button[type=submit]');
    await page.locator('[data-open-now]').waitFor();
    await page.reload();
    await page.locator('[data-open-now]').waitFor();
    expect(await page.locator('#api-key').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
  });

  it('shows a pending order with its processingAt', async () => {
    const name = uniqueName('Weekend buyer');
    await api.POST('/v1/customers', {
      body: { name, workingHours: { timeZone: 'Europe/London', start: '08:00', end: '20:00' } },
    });
    const orderId = uniqueName('order').replace(' ', '-');
    const placed = await api.POST('/v1/orders', {
      body: {
        customer: name,
        orderId,
        productId: 'p-1',
        payment: { method: 'card', amount: '499.00', currency: 'INR' },
      },
    });
    expect(placed.data?.status).toBe('pending');
    await open('/orders', `tr[data-order-id="${orderId}"]`);
    expect(await attr(`tr[data-order-id="${orderId}"]`, 'data-processing-at')).toEqual([
      '2026-12-07T09:00:00.000Z',
    ]);
    await check('orders');
  });

  it('shows today: the business closed on Saturday, the next opening, pending orders', async () => {
    await open('/today', '[data-open-now]');
    expect(await attr('[data-open-now]', 'data-open-now')).toEqual(['false']);
    expect(await page.textContent('main')).toMatch(/Next opening/);
    await check('today');
  });

  it('shows the API error with the field named, and creates a customer', async () => {
    await setClock('2026-12-07T10:00:00Z'); // Monday 10:00 London
    await open('/customers', 'form.customer-form');
    await page.fill('form.customer-form input[name=name]', customerName);
    await page.fill('form.customer-form input[name=phone]', '12345');
    await page.fill('form.customer-form input[name=timeZone]', 'America/New_York');
    await page.fill('form.customer-form input[name=start]', '09:00');
    await page.fill('form.customer-form input[name=end]', '17:00');
    await page.click('form.customer-form button[type=submit]');
    const error = page.locator('.error[data-error-code=VALIDATION_FAILED]');
    await error.waitFor();
    expect(await error.locator('code.field').allTextContents()).toContain('phone');
    await check('customers');

    await page.fill('form.customer-form input[name=phone]', '+12125550123');
    await page.click('form.customer-form button[type=submit]');
    await page.waitForURL(/#\/customers\/cus_/);
    customerId = decodeURIComponent(page.url().split('/').at(-1) ?? '');
    await page.locator('g.sm-window rect').first().waitFor();
  });

  it('draws the window timeline around a DST change, with both local times on focus', async () => {
    // Tue 9 – Mon 15 March 2027: New York moves to EDT on Sunday 14 at 07:00 UTC, London
    // stays on GMT. 09:00–17:00 New York ∩ 09:00–18:00 London: 14:00–18:00 UTC before, 13:00–18:00 after.
    await open(`/customers/${customerId}?from=2027-03-09T00:00:00.000Z`, MARCH_9);
    // Polled, and only the March figure's bars: the previous week's figure can still be
    // in the page for a render after the new one appears (seen once in CI under faketime).
    await expect
      .poll(() => attr(MARCH_9, 'data-start'))
      .toEqual([
        '2027-03-09T14:00:00.000Z',
        '2027-03-10T14:00:00.000Z',
        '2027-03-11T14:00:00.000Z',
        '2027-03-12T14:00:00.000Z',
        '2027-03-15T13:00:00.000Z',
      ]);
    expect(await attr('g.sm-window rect', 'data-end')).toEqual(
      ['09', '10', '11', '12', '15'].map((d) => `2027-03-${d}T18:00:00.000Z`),
    );
    expect(await attr('g.sm-dst line', 'data-at')).toEqual(['2027-03-14T07:00:00.000Z']);
    expect(await attr('g.sm-dst line', 'data-side')).toEqual(['customer']);
    expect(await attr('g.sm-dst line', 'data-offset-after')).toEqual(['-04:00']);

    // Keyboard: Tab from the week links lands on the first bar, and the readout follows.
    await page.locator('a:text-is("Next week →")').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kind'))).toBe(
      'business',
    );
    expect(await page.locator('.readout').textContent()).toContain('Business open');

    await page.locator('g.sm-window rect').first().focus();
    const readout = await page.locator('.readout').textContent();
    expect(readout).toContain('Europe/London');
    expect(readout).toContain('14:00–18:00'); // London (GMT)
    expect(readout).toContain('09:00–13:00'); // New York (EST)
    await check('customer-timeline');
  });

  it('adds a closure and the timeline changes', async () => {
    await page.click('text=Add a closure');
    await page.fill('input[name=closure-0-from]', '2027-03-10');
    await page.fill('input[name=closure-0-name]', 'Spring trip');
    await page.click('form.customer-form button[type=submit]');
    await page.locator('g.sm-closure rect[data-name="Spring trip"]').waitFor();
    expect(await attr('g.sm-window rect', 'data-start')).toEqual([
      '2027-03-09T14:00:00.000Z',
      '2027-03-11T14:00:00.000Z',
      '2027-03-12T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
    ]);
    // The closure covers the customer's whole local day (New York midnight to midnight).
    expect(await attr('g.sm-closure rect', 'data-start')).toEqual(['2027-03-10T05:00:00.000Z']);
    expect(await attr('g.sm-closure rect', 'data-end')).toEqual(['2027-03-11T05:00:00.000Z']);
  });

  it('adds a business closure and imports an .ics on the calendar page; the timeline follows', async () => {
    await open('/calendar', 'form[aria-label="Add a closure"]');
    await page.fill('input[name=closure-from]', '2027-03-11');
    await page.fill('input[name=closure-name]', 'Staff day');
    await page.click('button:text-is("Add closure")');
    await page.locator('.ok, .error').first().waitFor();
    expect(await page.locator('.error').allTextContents()).toEqual([]);
    await page.locator('li[data-from="2027-03-11"]').waitFor();
    await page.setInputFiles('input[name=ics]', {
      name: 'holidays.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//screenmagic//console test//EN',
          'BEGIN:VEVENT',
          'UID:founders-day@console-test',
          'DTSTAMP:20261201T000000Z',
          'DTSTART;VALUE=DATE:20270315',
          'DTEND;VALUE=DATE:20270316',
          'SUMMARY:Founders day',
          'END:VEVENT',
          'END:VCALENDAR',
          '',
        ].join('\r\n'),
      ),
    });
    await page.click('button:text-is("Import")');
    await page.locator('[data-imported]').waitFor();
    expect(await page.textContent('[data-imported]')).toContain('Founders day');
    await check('calendar');

    await open(`/customers/${customerId}?from=2027-03-09T00:00:00.000Z`, MARCH_9);
    // 10th: the customer's trip; 11th: the business's staff day; 15th: Founders day.
    expect(await attr('g.sm-window rect', 'data-start')).toEqual([
      '2027-03-09T14:00:00.000Z',
      '2027-03-12T14:00:00.000Z',
    ]);
    expect(await attr('g.sm-closure rect', 'data-name')).toEqual(
      expect.arrayContaining(['Staff day', 'Founders day', 'Spring trip']),
    );
    await page.locator('g.sm-window rect').first().focus();
    await page.locator('figure.timeline').screenshot({ path: readmeShot('console-timeline.png') });
  });

  it('composes a broadcast with the preview, and sends it', async () => {
    await open('/broadcasts/new', 'textarea[name=message]');
    await page.fill('textarea[name=message]', 'Our winter menu is out.');
    await page.check('input[name=audience] >> nth=1');
    await page.fill('textarea[name=customers]', customerName);
    if (operations.has('POST /v1/broadcasts/preview')) {
      await page.locator('[data-preview-ready]').waitFor();
      // 10:00 London is 05:00 in New York: the one send waits for 14:00 UTC (09:00 there).
      expect(await attr('g.sm-hour rect', 'data-hour')).toEqual(['2026-12-07T14:00:00.000Z']);
      expect(await attr('g.sm-hour rect', 'data-count')).toEqual(['1']);
    } else {
      await page.locator('[data-unavailable="POST /v1/broadcasts/preview"]').waitFor();
    }
    await check('broadcast-compose');
    await page.locator('main').screenshot({ path: readmeShot('console-composer.png') });

    await page.click('text=Send broadcast');
    await page.waitForURL(/#\/broadcasts\/brd_/);
    broadcastId = decodeURIComponent(page.url().split('/').at(-1) ?? '');
    await page.locator('tr[data-status=scheduled][data-count="1"]').waitFor();
    await check('broadcast-detail');
  });

  it('moves the clock and sees the message delivered, then explains why it waited', async () => {
    await setClock('2026-12-07T14:00:00Z');
    await page.click('text=Refresh');
    await page.locator('tr[data-status=delivered][data-count="1"]').waitFor();
    await page.locator('tbody tr[data-message-id] a[href^="#/messages/"]').first().click();
    await page.locator('[data-message-status=delivered]').waitFor();
    if (operations.has('GET /v1/messages/{id}/explain')) {
      // At acceptance (Monday 10:00 London, 05:00 in New York) the customer was closed.
      const atAcceptance = page.locator('.explanation').first();
      await atAcceptance.waitFor();
      expect(await atAcceptance.getAttribute('data-at')).toBe('2026-12-07T10:00:00.000Z');
      expect(await atAcceptance.getAttribute('data-customer-open')).toBe('false');
      expect(await atAcceptance.locator('.explain-text').textContent()).not.toBe('');
    } else {
      await page.locator('[data-unavailable="GET /v1/messages/{id}/explain"]').first().waitFor();
    }
    const history = page.locator('ol.history li');
    if ((await history.count()) > 0) {
      expect(await attr('ol.history li', 'data-event')).toContain('delivered');
    }
    await check('message');
  });

  it('lists broadcasts', async () => {
    await open('/broadcasts', 'h1');
    if (operations.has('GET /v1/broadcasts')) {
      await page.locator(`[data-broadcast-id="${broadcastId}"]`).waitFor();
    } else {
      await page.locator('[data-unavailable="GET /v1/broadcasts"]').waitFor();
    }
    await check('broadcasts');
  });

  it('threw no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
    console.log(`console screenshots (1280 and 360 px): ${ARTIFACTS}`);
  });
});
