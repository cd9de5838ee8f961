// The README's two pictures, taken from the real thing: the built app (dist/)
// served by the real candor-server with its synthetic demo data (--demo),
// in Debian's Chromium. Writes docs/images/form.png (the report form, task
// and tool picked, an outcome chosen, the demo pilot's desk below),
// docs/images/team-map.png (the team map) and docs/images/pilots.png (the
// demo pilot's results). Run after `./candor build` and `cargo build -p candor-server`:
//
//   node scripts/screenshots.mjs
//
// The demo data and the page's clock are pinned to one day, so the pictures
// change only when the app does.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, startSyncServer } from '../tests/e2e/harness.mjs';

const TODAY = '2026-11-18';
const NOW = new Date(`${TODAY}T10:00:00`);
const IMAGES = new URL('../docs/images/', import.meta.url).pathname;

await mkdir(IMAGES, { recursive: true });
const dir = await mkdtemp(join(tmpdir(), 'candor-screenshots-'));
const server = await startSyncServer({ port: await freePort(), db: join(dir, 'candor.db'), today: TODAY, demo: true });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);

  // The form as an employee sees it after picking task, tool and outcome.
  await page.goto(`${server.url}?task=debugging&tool=agent`);
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
  await page.keyboard.press('4');
  await page.locator('#outcome-4:checked').waitFor({ state: 'attached' });
  await page.screenshot({ path: join(IMAGES, 'form.png'), fullPage: true });

  // The team map over the demo's past weeks.
  await page.setViewportSize({ width: 1100, height: 600 });
  await page.goto(new URL('team', server.url).href);
  await page.locator('figure.heatmap svg').first().waitFor();
  await page.screenshot({ path: join(IMAGES, 'team-map.png'), fullPage: true });

  // The demo pilot: felt faster, measured slower.
  await page.goto(new URL('pilots', server.url).href);
  await page.getByText('measured slower').first().waitFor();
  await page.screenshot({ path: join(IMAGES, 'pilots.png'), fullPage: true });
  console.log(`screenshots: ${['form.png', 'team-map.png', 'pilots.png'].map((name) => join(IMAGES, name)).join(', ')}`);
} finally {
  await browser.close();
  await server.stop();
}
