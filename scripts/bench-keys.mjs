// Clicks and keystrokes to file a report after the page opens (SPEC §8: ≤ 4),
// counted while driving the real app (candor-server, headless Chromium):
//
// - usual: task and tool remembered from the last report: outcome key, Enter;
// - first visit: nothing preselected (a default would bias the answers):
//   click the task, click the tool, outcome key, Enter.
//
// Each is checked to have really saved a report. Prints both; exits 1 if
// either is over budget.
//
//   CANDOR_SERVER_BIN=target/server/candor-server node scripts/bench-keys.mjs
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, startSyncServer } from '../tests/e2e/harness.mjs';

const BUDGET = 4;

/** Counts every click and key press made through it. */
function counting(page) {
  const counter = {
    actions: 0,
    async press(key) {
      counter.actions += 1;
      await page.keyboard.press(key);
    },
    async click(selector) {
      counter.actions += 1;
      await page.locator(selector).click();
    },
  };
  return counter;
}

async function reportsOf(page) {
  const raw = await page.evaluate(() => localStorage.getItem('candor.history'));
  return raw ? JSON.parse(raw).reports.length : 0;
}

async function file(page, steps) {
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
  const before = await reportsOf(page);
  const counter = counting(page);
  await steps(counter);
  await page.getByText('Saved.').waitFor({ timeout: 5000 });
  if ((await reportsOf(page)) !== before + 1) throw new Error('no report was saved');
  return counter.actions;
}

const dir = await mkdtemp(join(tmpdir(), 'candor-bench-keys-'));
const server = await startSyncServer({
  port: await freePort(),
  db: join(dir, 'candor.db'),
  today: new Date().toISOString().slice(0, 10),
});
const browser = await launchBrowser();
let first;
let usual;
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
  // The first task and tool the form offers, whatever candor.json lists.
  const task = await page.locator('input[name="task"]').first().getAttribute('id').catch(() => null);
  const tool = await page.locator('input[name="tool"]').first().getAttribute('id').catch(() => null);
  if (!task || !tool) throw new Error('the form has no task or tool choices (input[name=task|tool])');
  first = await file(page, async (c) => {
    await c.click(`label[for="${task}"]`);
    await c.click(`label[for="${tool}"]`);
    await c.press('4');
    await c.press('Enter');
  });
  await page.reload();
  usual = await file(page, async (c) => {
    await c.press('5');
    await c.press('Enter');
  });
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
console.log(`keystrokes and clicks to file a report: ${usual} usually (task and tool remembered), ${first} on a first visit (budget ${BUDGET})`);
if (Math.max(first, usual) > BUDGET) {
  console.error('OVER BUDGET');
  process.exit(1);
}
