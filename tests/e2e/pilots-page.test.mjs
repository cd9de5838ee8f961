// The Pilots page for managers (SPEC §10, issue 16), end to end: the real
// candor-server with its demo data (a pilot that felt faster and measured
// slower), the real built app, Debian's Chromium. The page is its own wasm
// module (crates/pilot-results), imported when the page opens. Checks that
// the verdict reads in words ("felt faster" … "measured slower"), that no
// count of 1..k−1 is shown, that the table alternative to the chart is
// there, that axe-core finds nothing, that the downloads hold what is
// shown, and that errors are said plainly. Hidden groups, server errors
// and an empty list are served by the test itself (page routes, documents
// in SPEC §10's shape below), since the demo has none of them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, startSyncServer } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TODAY = '2026-11-18';

// Documents the demo does not have: a task with both arms hidden.
const PILOT = {
  id: 'tests_q4', label: 'Tests with the chat assistant', tasks: ['tests', 'docs'], tools: ['chat'],
  from: '2026-W36', to: '2026-W49', randomize: true,
};
const LIST = {
  k: 5,
  pilots: [{
    pilot: PILOT.id, label: PILOT.label, randomized: true, weeks: { from: PILOT.from, to: PILOT.to },
    tasks: PILOT.tasks, tools: PILOT.tools, verdict: 'slower',
  }],
};
const VIEW = {
  pilot: PILOT.id, label: PILOT.label, k: 5, randomized: true,
  weeks: { from: PILOT.from, to: PILOT.to }, counted: { from: PILOT.from, to: '2026-W46' },
  arms: [
    { arm: 'ai', n: 48, felt: { mean: 0.9, low: 0.6, high: 1.2 }, time: { ratio: 1.21, low: 1.08, high: 1.36 },
      against_arm: { share: 0.08, low: 0.03, high: 0.2 } },
    { arm: 'no_ai', n: 45, felt: { mean: 0.1, low: -0.2, high: 0.4 }, time: { ratio: 1.02, low: 0.93, high: 1.12 } },
  ],
  effect: {
    time: { ratio: 1.19, low: 1.03, high: 1.37 }, felt: { diff: 0.8, low: 0.4, high: 1.2 },
    verdict: 'slower', more_reports_to_halve: 279, felt_vs_measured: 'felt_better_measured_slower',
  },
  tasks: [
    { task: 'tests', arms: [
      { arm: 'ai', n: 48, felt: { mean: 0.9, low: 0.6, high: 1.2 }, time: { ratio: 1.21, low: 1.08, high: 1.36 } },
      { arm: 'no_ai', n: 45, felt: { mean: 0.1, low: -0.2, high: 0.4 }, time: { ratio: 1.02, low: 0.93, high: 1.12 } },
    ], effect: { time: { ratio: 1.19, low: 1.03, high: 1.37 }, felt: { diff: 0.8, low: 0.4, high: 1.2 }, verdict: 'slower' } },
    { task: 'docs', arms: [{ arm: 'ai', n: null }, { arm: 'no_ai', n: null }], effect: { verdict: 'not_enough_reports' } },
  ],
};

let browser;
let server;
let servedConfig;
before(async () => {
  browser = await launchBrowser();
  const dir = await mkdtemp(join(tmpdir(), 'candor-pilots-'));
  server = await startSyncServer({ port: await freePort(), db: join(dir, 'candor.db'), today: TODAY, demo: true });
  servedConfig = await (await fetch(`${server.url}candor.json`)).json();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const json = (body, status = 200) => ({ status, contentType: 'application/json', body: JSON.stringify(body) });

/**
 * A fresh context on the Pilots page: the server's own documents, or with
 * `stubbed` the ones above (and a candor.json naming their pilot). `pilots`
 * then replaces GET /api/v1/pilots (a function of the request count, for
 * an error then a success).
 */
async function open({ stubbed = false, pilots } = {}) {
  // No service worker: it would answer the page's requests before page.route could.
  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true, serviceWorkers: 'block' });
  if (stubbed) {
    const config = { ...servedConfig, pilots: [PILOT] };
    await context.route(/\/candor\.json$|\/api\/v1\/config$/, (route) => route.fulfill(json(config)));
    await context.route(/\/api\/v1\/pilots$/, (route) => route.fulfill(json(LIST)));
    await context.route(/\/api\/v1\/pilots\/[^/]+$/, (route) => route.fulfill(json(VIEW)));
  }
  if (pilots) {
    let asked = 0;
    await context.route(/\/api\/v1\/pilots$/, (route) => route.fulfill(pilots((asked += 1))));
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  return {
    page,
    errors,
    async close() {
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    },
  };
}

/** Runs axe-core on the page as it is now; resolves to readable violations. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((node) => node.target.join(' ')).join('\n    ')}`,
  );
}

test('a manager reads the demo pilot’s verdict in words, felt against measured, with no small count and no axe violation', async () => {
  const { page, errors, close } = await open();
  try {
    await page.goto(server.url);
    // The header offers the page only when the config has a pilot.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pilots' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pilots' }).waitFor();
    await page.getByText(/felt faster/).first().waitFor();
    const main = page.locator('main');
    const text = await main.innerText();
    assert.match(text, /People felt faster with AI \(felt [+−]\d\.\d, 95% interval .* to .*\), and were measured slower/);
    assert.match(text, /felt faster, measured slower/);
    assert.doesNotMatch(text, /Loading pilots/);

    // The table is always there beside the chart, with its headers' scopes.
    const k = (await (await fetch(`${server.url}api/v1/pilots`)).json()).k;
    const tables = main.locator('table');
    assert.ok((await tables.count()) >= 1, 'a table of felt and measured');
    assert.ok(await main.locator('table caption').first().isVisible());
    assert.equal(await main.locator('th[scope=col]').first().textContent(), 'Group');
    assert.ok((await main.locator('th[scope=row]').count()) >= 3);
    assert.equal(await main.locator('svg[aria-hidden=true]').count(), await main.locator('section.pilot').count());

    // Counts: the Reports column holds "hidden", "—", 0 or k and more, never 1..k−1.
    const reports = await main.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.cells[1].textContent));
    assert.ok(reports.length > 0);
    for (const cell of reports) {
      assert.ok(cell === 'hidden' || cell === '—' || Number(cell) === 0 || Number(cell) >= k, `a count of ${cell}`);
    }

    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const found = await violations(page);
      assert.deepEqual(found, [], `axe-core violations on /pilots (${colorScheme} mode):\n${found.join('\n')}`);
    }

    // Downloads: the CSV of the table, the JSON as served.
    const section = main.locator('section.pilot').first();
    const [csv] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: /as CSV$/ }).click()]);
    const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
    assert.equal(lines[0].split(',').slice(0, 4).join(','), 'pilot,task,arm,n');
    for (const line of lines.slice(1)) {
      const n = line.split(',')[3];
      assert.ok(n === '' || Number(n) === 0 || Number(n) >= k, line);
    }
    const [file] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: /as JSON$/ }).click()]);
    const served = JSON.parse(await readFile(await file.path(), 'utf8'));
    assert.equal(typeof served.pilot, 'string');
    assert.ok(Array.isArray(served.arms));
    // Away and back through the header: the module, loaded once, draws the page again.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    await nav.getByRole('link', { name: 'Pilots' }).click();
    await page.getByText(/felt faster/).first().waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a hidden group says “hidden”, and no count of 1..k−1 is anywhere on the page', async () => {
  const { page, errors, close } = await open({ stubbed: true });
  try {
    await page.goto(`${server.url}pilots`);
    await page.getByRole('heading', { level: 2, name: PILOT.label }).waitFor();
    const rows = await page.locator('main tbody tr').evaluateAll((all) =>
      all.map((row) => [...row.cells].map((cell) => cell.textContent)),
    );
    assert.deepEqual(rows.find((cells) => cells[0] === 'Documentation, with AI'), ['Documentation, with AI', 'hidden', '—', '—', '—']);
    // No number 1..4 stands alone anywhere in the page's words (decimals, ×, % and
    // weeks aside, and the ratio 1 that the sentences compare with).
    const text = (await page.locator('main').innerText()).replaceAll('above 1 is slower', '').replaceAll('holds 1.', '');
    const small = text.match(/(?<![\d.,+−W-])[1-4](?![\d.,×%])/g);
    assert.equal(small, null, `a small number in: ${text}`);
    assert.match(text, /Documentation: Not enough reports yet for a verdict: each arm needs at least 5 reports/);
    const found = await violations(page);
    assert.deepEqual(found, [], `axe-core violations with a hidden group:\n${found.join('\n')}`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a server error is said plainly with its message, and Retry loads the pilots', async () => {
  const { page, close } = await open({
    stubbed: true,
    pilots: (asked) =>
      asked === 1 ? json({ error: { code: 'unavailable', message: 'the store is busy' } }, 503) : json(LIST),
  });
  try {
    await page.goto(`${server.url}pilots`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^The pilots could not be loaded: .*the store is busy/);
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByText(/felt faster/).first().waitFor();
  } finally {
    await close();
  }
});

test('no pilots configured points to candor.json', async () => {
  const { page, close } = await open({ stubbed: true, pilots: () => json({ k: 5, pilots: [] }) });
  try {
    await page.goto(`${server.url}pilots`);
    const note = page.getByText(/^No pilots are configured\./);
    await note.waitFor();
    assert.match(await note.textContent(), /candor\.json, under "pilots"/);
  } finally {
    await close();
  }
});

test('if the page’s module cannot be loaded, the page says so', async () => {
  const { page, close } = await open();
  await page.route(/\/pilot-results-[0-9a-f]+\.js$/, (route) => route.abort());
  try {
    await page.goto(`${server.url}pilots`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^The Pilots page could not be loaded/);
    assert.equal(await page.getByText('Loading pilots…').count(), 0);
  } finally {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await close();
  }
});
