// Accessibility (SPEC §8: axe-core, 0 violations on every screen): axe-core
// runs inside each page of the real app, served by the real candor-server
// with its demo data, in light and in dark mode.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, startSyncServer } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TODAY = '2026-11-18';

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  const dir = await mkdtemp(join(tmpdir(), 'candor-axe-'));
  server = await startSyncServer({ port: await freePort(), db: join(dir, 'candor.db'), today: TODAY, demo: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Runs axe-core on the page as it is now; resolves to readable violations. */
async function violations(page) {
  // Injected from node_modules, not fetched: the app's CSP would refuse
  // an inline script, so the test context bypasses CSP (bypassCSP below).
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((node) => node.target.join(' ')).join('\n    ')}`,
  );
}

/** Waits for a page's heading, then for what it shows once its data is in. */
async function shown(page, heading, content) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.getByText(content).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** Switches a map to its table view, where it has one; says whether it did. */
async function asTable(page) {
  const toggle = page.getByText('Show as a table').first();
  if (!(await toggle.count())) return false;
  await toggle.click();
  await page.locator('table').first().waitFor();
  return true;
}

for (const colorScheme of ['light', 'dark']) {
  test(`every screen has no axe-core violations (${colorScheme} mode)`, async () => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    const found = {};
    const check = async (screen) => {
      const list = await violations(page);
      if (list.length) found[screen] = list;
    };
    try {
      await page.goto(server.url);
      await page.locator('#outcome-4').waitFor({ state: 'attached' });
      await check('/ (the form, empty)');

      // The form after a mistake: Enter with nothing chosen.
      await page.keyboard.press('Enter');
      await page.getByText('Choose the kind of task first.').waitFor();
      await check('/ (the form, with its error)');

      // A filed report, so History and My map have something to show.
      await page.goto(`${server.url}?task=debugging&tool=chat`);
      await page.locator('#outcome-4').waitFor({ state: 'attached' });
      await page.keyboard.press('2');
      await page.getByText("Why didn't it help?").waitFor();
      await check('/ (the form, negative outcome with reasons)');
      await page.keyboard.press('Enter');
      await page.getByText('Saved.').waitFor();
      await check('/ (the form, saved)');

      // The pilot desk (the demo's pilot runs this week): joined, a task
      // started, and its finishing form open.
      await page.getByRole('button', { name: /^Join / }).click();
      await page.locator('.desk-start').getByText('Writing tests', { exact: true }).click();
      await page.locator('.desk-start').getByText('30 min', { exact: true }).click();
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.getByRole('button', { name: /^Finish/ }).click();
      await page.locator('.desk-finish').waitFor();
      await check('/ (the pilot desk, finishing a task)');

      await page.goto(`${server.url}history`);
      await page.locator('li.report').first().waitFor();
      await check('/history');

      await page.goto(`${server.url}map`);
      await shown(page, 'My map', /heatmap|table/i);
      await check('/map');
      if (await asTable(page)) await check('/map (as a table)');

      await page.goto(`${server.url}team`);
      await shown(page, 'Team map', /\d+ reports\./);
      await check('/team');
      if (await asTable(page)) await check('/team (as a table)');
    } finally {
      await context.close();
    }
    const report = Object.entries(found)
      .map(([screen, list]) => `${screen}:\n  ${list.join('\n  ')}`)
      .join('\n');
    assert.equal(report, '', `axe-core found violations:\n${report}`);
  });
}
