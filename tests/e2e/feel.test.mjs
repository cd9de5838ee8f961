// How the app feels (issue 7): nothing jumps when a report is saved, every
// page fits a 375 px phone, and nothing is loaded from another host.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, startSyncServer } from './harness.mjs';

const TODAY = '2026-11-18';

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  const dir = await mkdtemp(join(tmpdir(), 'candor-feel-'));
  server = await startSyncServer({ port: await freePort(), db: join(dir, 'candor.db'), today: TODAY, demo: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Sums every layout shift from now on, including those right after input (Lighthouse's CLS forgives those; an employee's eye does not). */
function watchShifts(page) {
  return page.evaluate(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.shifts.push(entry.value);
    }).observe({ type: 'layout-shift' });
  });
}
async function shifted(page) {
  await page.waitForTimeout(300);
  return (await page.evaluate(() => window.shifts)).reduce((sum, value) => sum + value, 0);
}

test('saving a report, and undoing it, shifts nothing on the page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}?task=debugging&tool=chat`);
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
  await watchShifts(page);
  await page.keyboard.press('4');
  await page.keyboard.press('Enter');
  await page.getByText('Saved.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('Undone').waitFor();
  const total = await shifted(page);
  assert.ok(total < 0.01, `layout shift while saving: ${total.toFixed(3)}`);
  await context.close();
});

// The reasons block stays (emptied) after the form resets; removing it moved
// the Save row and "Saved." up (0.021).
test('saving a negative report with reasons shifts nothing on the page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}?task=debugging&tool=chat`);
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
  await page.keyboard.press('2');
  await page.locator('label[for="reason-wrong"]').click();
  await watchShifts(page);
  await page.keyboard.press('Enter');
  await page.getByText('Saved.').waitFor();
  const total = await shifted(page);
  await context.close();
  assert.ok(total < 0.01, `layout shift while saving: ${total.toFixed(3)}`);
});

for (const route of ['', 'history', 'map', 'team']) {
  test(`/${route} fits a 375 px phone screen, from this host only`, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const hosts = new Set();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    await page.goto(`${server.url}${route}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The widest element that sticks out to the right, for the message.
      let widest = null;
      for (const element of document.querySelectorAll('body *')) {
        const right = element.getBoundingClientRect().right;
        if (right > width + 1 && (!widest || right > widest.right)) {
          widest = { right: Math.round(right), what: `${element.tagName.toLowerCase()}.${element.className}` };
        }
      }
      return { scroll: document.documentElement.scrollWidth, width, widest };
    });
    assert.ok(
      overflow.scroll <= overflow.width,
      `/${route} is ${overflow.scroll} px wide on a ${overflow.width} px screen; widest: ${JSON.stringify(overflow.widest)}`,
    );
    assert.deepEqual([...hosts], [new URL(server.url).host]);
    await context.close();
  });
}
