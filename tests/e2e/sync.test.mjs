// End-to-end with the sync server: the real candor-server binary with its
// SQLite file, the real built app, Debian's Chromium. The page's clock is
// Playwright's fake clock, so the outbox's random delays pass instantly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, outboxOf, startSyncServer, waitWithClock } from './harness.mjs';

// A Wednesday in 2026-W47; the server is told the same day.
const TODAY = '2026-11-18';
const NOW = new Date(`${TODAY}T10:00:00`);

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('reports filed while the server is down wait, then drain when it is back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'candor-sync-'));
  const port = await freePort();
  const db = join(dir, 'candor.db');
  let server = await startSyncServer({ port, db, today: TODAY, demo: true });

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.clock.install({ time: NOW });
  await page.goto(`${server.url}?task=debugging&tool=agent`);
  await page.locator('#outcome-4').waitFor({ state: 'attached' });

  // The server goes away with the tab open; the employee files anyway.
  await server.stop();
  for (const key of ['4', '2', '5']) {
    await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
  }
  assert.equal((await outboxOf(page)).waiting.length, 3);

  await page.getByRole('link', { name: 'History' }).click();
  await page.getByText('3 reports waiting to be sent').waitFor();
  assert.equal(await page.locator('.delivery.waiting').count(), 3);

  // Every send attempt fails while the server is down; nothing is dropped.
  await page.clock.runFor(10 * 60_000);
  await page.waitForTimeout(200);
  await page.getByText(/could not be reached|answered HTTP/).waitFor();
  assert.equal((await outboxOf(page)).waiting.length, 3);

  // The server is back; the employee reloads the tab. The outbox was on
  // the device all along, so the reports are still waiting, and leave.
  server = await startSyncServer({ port, db, today: TODAY });
  await page.reload();
  await page.getByText('3 reports waiting to be sent').waitFor();
  await waitWithClock(page, async () => (await outboxOf(page)).waiting.length === 0);
  const outbox = await outboxOf(page);
  assert.equal(outbox.sent.length, 3);
  assert.equal(outbox.rejected.length, 0);
  await page.getByText('Every report filed here has been sent.').waitFor();
  assert.equal(await page.locator('.delivery.sent').count(), 3);

  // The server counted them (a retry of the same ids would be a duplicate).
  const again = await fetch(`${server.url}api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reports: (await page.evaluate(() => JSON.parse(localStorage.getItem('candor.history')).reports)) }),
  }).then((response) => response.json());
  assert.deepEqual([again.accepted, again.duplicates], [0, 3]);
  // Timers that outlive a page (the undo window) must not crash the app.
  assert.deepEqual(errors, []);
  await context.close();
  await server.stop();
});

test('the team map shows the seeded past weeks, and this week stays out of it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'candor-team-'));
  const port = await freePort();
  const server = await startSyncServer({ port, db: join(dir, 'candor.db'), today: TODAY, demo: true });
  try {
    const before = await fetch(`${server.url}api/v1/aggregate`).then((response) => response.json());
    // The grand total is withheld where it would add up hidden cells; the shown cells count.
    const seeded = before.cells.reduce((sum, cell) => sum + (cell.n ?? 0), 0);
    assert.ok(seeded >= before.k, 'the demo seeds enough reports');
    assert.ok(before.weeks.to < '2026-W47', `closed weeks only: ${before.weeks.to}`);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install({ time: NOW });
    await page.goto(`${server.url}?task=incident&tool=chat`);
    await page.locator('#outcome-4').waitFor({ state: 'attached' });
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    await waitWithClock(page, async () => (await outboxOf(page)).sent.length === 1);

    await page.getByRole('link', { name: 'Team map' }).click();
    await page.locator('figure.heatmap .chart svg').waitFor();
    await page.getByText(`${before.total.n ?? seeded} reports.`).waitFor();
    const shown = await page.locator('svg g.cell.shown').count();
    assert.ok(shown > 0, 'some cells have enough reports to show');
    // The report filed this week is not in any shared number yet.
    const afterwards = await fetch(`${server.url}api/v1/aggregate`).then((response) => response.json());
    assert.deepEqual(afterwards, before);
    // The table view says "not enough reports" for hidden cells, never a count.
    await page.getByText('Show as a table').click();
    const texts = await page.locator('table td').allInnerTexts();
    for (const text of texts) {
      const n = text.match(/from (\d+) report/);
      if (n) assert.ok(Number(n[1]) >= before.k, `published n ${n[1]} is below k`);
    }
    await context.close();
  } finally {
    await server.stop();
  }
});
