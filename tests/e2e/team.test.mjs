// The team map for managers, end to end: the real candor-server with known
// reports in its SQLite file, the real built app, Debian's Chromium.
// Checks cells' n and colours against values worked out by hand, tries
// every filter, opens a cell by mouse and by keyboard, downloads every
// export, and finds no published number in 1..k−1 anywhere.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, openPage, startSyncServer, tempFile } from './harness.mjs';

const TODAY = '2026-11-18'; // 2026-W47: W44 (October) to W46 (November) are closed.
const K = 5;
const CONFIG = {
  tasks: [
    { id: 'code_review', label: 'Code review' },
    { id: 'incident', label: 'Incident' },
    { id: 'docs', label: 'Docs' },
    { id: 'tests', label: 'Tests' },
  ],
  tools: [
    { id: 'chat', label: 'Chat' },
    { id: 'agent', label: 'Agent' },
  ],
  teams: [
    { id: 'payments', label: 'Payments' },
    { id: 'search', label: 'Search' },
  ],
  k: K,
};

let nextId = 1;
const OCTOBER_AND_NOVEMBER = ['2026-W44', '2026-W45', '2026-W46'];
const NOVEMBER = ['2026-W45', '2026-W46'];
function reports(count, fields, weeks = OCTOBER_AND_NOVEMBER) {
  return Array.from({ length: count }, (_, i) => ({
    v: 1,
    id: (nextId++).toString(16).padStart(32, '0'),
    week: weeks[i % weeks.length],
    ...fields,
  }));
}

// Worked out by hand (k = 5):
// - code_review × none: 20 × outcome 0 → mean 0.0, no one helped, Wilson
//   interval 0–16% (narrow: full colour), PuOr's middle #f7f7f7.
// - code_review × chat: 20 × outcome 2 → mean +2.0, helped 100% (84–100%),
//   PuOr's dark purple #542788, +2.0 against No AI.
// - incident × agent: 20 × outcome −2 → mean −2.0, PuOr's dark orange
//   #b35806; 15 × outcome 1 under No AI → −3.0 against No AI.
// - docs × chat holds one report, the only one by team "search": hidden,
//   and with it docs × agent and tests × chat (6 each), so that nothing
//   published adds up to it; tests × agent (6, mean −1.0) is shown. Totals
//   that would add up hidden cells are withheld, the grand total (94) too:
//   the summary gives the 81 reports of the shown cells.
// The big cells span October (W44) and November; the small ones are all in
// November, so October's view has every cell at k or more and the trend
// line has two points.
const SEED = [
  ...reports(20, { task: 'code_review', tool: 'none', outcome: 0 }),
  ...reports(20, { task: 'code_review', tool: 'chat', outcome: 2, team: 'payments', mandated: false, effort: 'low' }),
  ...reports(20, { task: 'incident', tool: 'agent', outcome: -2, team: 'payments', mandated: true, effort: 'high', reasons: ['wrong'] }),
  ...reports(15, { task: 'incident', tool: 'none', outcome: 1, team: 'payments' }),
  ...reports(6, { task: 'docs', tool: 'agent', outcome: 1, team: 'payments', mandated: true }, NOVEMBER),
  ...reports(6, { task: 'tests', tool: 'chat', outcome: 0, team: 'payments', complexity: 'routine' }, NOVEMBER),
  ...reports(6, { task: 'tests', tool: 'agent', outcome: -1, team: 'payments', complexity: 'complex' }, NOVEMBER),
  ...reports(1, { task: 'docs', tool: 'chat', outcome: -1, team: 'search', mandated: true, complexity: 'complex', effort: 'high' }, NOVEMBER),
];

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  const dir = await mkdtemp(join(tmpdir(), 'candor-team-'));
  const config = await tempFile('candor.json', JSON.stringify(CONFIG));
  server = await startSyncServer({
    port: await freePort(),
    db: join(dir, 'candor.db'),
    today: TODAY,
    extraArgs: ['--config', config],
  });
  const answer = await fetch(new URL('api/v1/reports', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reports: SEED }),
  }).then((response) => response.json());
  assert.equal(answer.accepted, SEED.length, JSON.stringify(answer));
});
after(async () => {
  await server?.stop();
  await browser?.close();
});

/** The cell button for a task × tool, by the labels its aria-label starts with. */
function cell(page, task, tool) {
  return page.locator(`svg [data-cell][aria-label*="${task} with ${tool}:"]`).first();
}

/** Every count the page shows: "n = 7" in cells, "from 7 reports" in labels and the table, "7 reports." in the summary. */
async function shownCounts(page) {
  const text = await page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
    return [document.body.innerText, ...labels, document.querySelector('.table-view')?.textContent ?? ''].join('\n');
  });
  return [...text.matchAll(/n = (\d+)|from (\d+) reports?|(\d+) reports?\./g)].map((m) => Number(m[1] ?? m[2] ?? m[3]));
}

function assertNoSmallGroup(counts, where) {
  const small = counts.filter((n) => n >= 1 && n < K);
  assert.deepEqual(small, [], `${where} shows a group of fewer than k = ${K}: ${small}`);
}

/**
 * Picks a filter value and waits until the page shows its view: the page
 * asks for the filter choices right after it has drawn the new view, so
 * their answer marks the moment (network idle alone can come too early).
 */
async function choose(page, select, value) {
  const drawn = page.waitForResponse((response) => response.url().includes('/api/v1/aggregate/choices'));
  await select.selectOption(value);
  await drawn;
  await page.locator('.summary').waitFor();
}

async function openTeamMap() {
  const page = await openPage(browser, new URL('team', server.url).href);
  await cell(page, 'Code review', 'No AI').waitFor();
  return page;
}

test('cells show hand-computed n, colours and the No AI difference; small groups say so without a count', async () => {
  const page = await openTeamMap();
  const summary = await page.locator('.summary').innerText();
  // 94 reports, 13 of them in hidden cells: the total would add those up, so it is withheld.
  assert.match(summary, /Weeks 2026-W44 to 2026-W46\. Shown cells: 81 reports\. The total is withheld/);

  const fill = (locator) => locator.locator('rect').getAttribute('fill');
  const baseline = cell(page, 'Code review', 'No AI');
  assert.match(await baseline.getAttribute('aria-label'), /mean 0\.0 from 20 reports/);
  assert.equal(await fill(baseline), '#f7f7f7');

  const chat = cell(page, 'Code review', 'Chat');
  assert.match(await chat.getAttribute('aria-label'), /mean \+2\.0 from 20 reports, 100% helped \(95% interval 84%–100%\), \+2\.0 against No AI/);
  assert.equal(await fill(chat), '#542788');
  assert.match(await chat.textContent(), /\+2\.0 vs No AI/);

  const agent = cell(page, 'Incident', 'Agent');
  assert.match(await agent.getAttribute('aria-label'), /mean −2\.0 from 20 reports.*−3\.0 against No AI/);
  assert.equal(await fill(agent), '#b35806');

  assert.match(await cell(page, 'Tests', 'Agent').getAttribute('aria-label'), /mean −1\.0 from 6 reports/);
  for (const [task, tool] of [['Docs', 'Chat'], ['Docs', 'Agent'], ['Tests', 'Chat']]) {
    const hidden = cell(page, task, tool);
    assert.match(await hidden.getAttribute('aria-label'), /: not enough reports\./, `${task} × ${tool}`);
    assert.doesNotMatch(await hidden.textContent(), /\d/, `${task} × ${tool} shows no number`);
  }
  assertNoSmallGroup(await shownCounts(page), 'the default view');
  assert.deepEqual(page.errors, []);
});

test('every filter value is tried; those that would single someone out are disabled with the reason', async () => {
  const page = await openTeamMap();
  const search = page.locator('#filter-team option', { hasText: 'Search' });
  await search.waitFor({ state: 'attached' });
  assert.equal(await search.isDisabled(), true);
  assert.match(await search.textContent(), /too few reports to show/);

  for (const id of ['filter-period', 'filter-team', 'filter-complexity', 'filter-mandated', 'filter-effort']) {
    const select = page.locator(`#${id}`);
    const options = await select.locator('option').evaluateAll((all) =>
      all.map((o) => ({ value: o.value, disabled: o.disabled })),
    );
    assert.ok(options.length >= 2, `${id} offers a choice`);
    for (const option of options.filter((o) => !o.disabled)) {
      const current = await select.inputValue();
      if (option.value !== current) await choose(page, select, option.value);
      assertNoSmallGroup(await shownCounts(page), `${id}=${option.value}`);
    }
    if ((await select.inputValue()) !== '') await choose(page, select, '');
  }
  // Told-to use only: the chat cell (all chosen) leaves the view.
  await choose(page, page.locator('#filter-mandated'), 'true');
  assert.match(await cell(page, 'Incident', 'Agent').getAttribute('aria-label'), /from 20 reports/);
  assert.match(await cell(page, 'Code review', 'Chat').getAttribute('aria-label'), /: no reports\./);
  assert.deepEqual(page.errors, []);
});

test('a cell opens by click and by keyboard, with its distribution, reasons and effort', async () => {
  const page = await openTeamMap();
  await cell(page, 'Incident', 'Agent').click();
  const detail = page.locator('.cell-detail');
  await detail.getByText('Incident with Agent').waitFor();
  assert.match(await detail.innerText(), /20 reports\./);
  assert.match(await detail.innerText(), /The output was wrong or unreliable: 20/);
  assert.match(await detail.innerText(), /−3\.0 against No AI/);
  // Effort is a filter: its counts are the effort views' cells, under their rules.
  await detail.getByText(/Lots of checking and fixing: (20|not enough reports)/).waitFor();
  await detail.getByRole('button', { name: 'Close' }).click();
  await detail.waitFor({ state: 'detached' });

  await cell(page, 'Code review', 'Chat').focus();
  await page.keyboard.press('Enter');
  await detail.getByText('Code review with Chat').waitFor();
  assert.match(await detail.innerText(), /Helped in 100% of reports/);
  await detail.getByText('Little checking: 20').waitFor();
  // October and November: a trend line in the cell and month by month in the detail.
  await detail.getByText('Mean outcome by period').waitFor();
  assert.match(await detail.innerText(), /October 2026: \+2\.0\nNovember 2026: \+2\.0/);
  assert.ok((await cell(page, 'Code review', 'Chat').locator('path.spark').count()) === 1);
  assert.match(await detail.innerText(), /Lots of checking and fixing: 0/);

  await cell(page, 'Docs', 'Chat').focus();
  await page.keyboard.press('Enter');
  await detail.getByText('Not enough reports to show this cell').waitFor();
  assertNoSmallGroup(await shownCounts(page), 'an opened hidden cell');
});

test('CSV, JSON and SVG exports hold exactly what is shown, and no group below k', async () => {
  const page = await openTeamMap();
  const saved = {};
  for (const kind of ['CSV', 'JSON', 'SVG']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.exports').getByRole('button', { name: kind }).click(),
    ]);
    saved[kind] = await readFile(await download.path(), 'utf8');
    assert.match(download.suggestedFilename(), new RegExp(`^candor-team-map\\.${kind.toLowerCase()}$`));
  }
  // Ids as columns, each with its label in the language shown (SPEC §9).
  const csv = saved.CSV.trim().split('\n').map((line) => line.split(','));
  assert.deepEqual(csv[0].slice(0, 5), ['task', 'task_label', 'tool', 'tool_label', 'n']);
  const row = (task, tool) => csv.find((r) => r[0] === task && r[2] === tool);
  assert.deepEqual(row('code_review', 'chat').slice(0, 5), ['code_review', '"Code review"', 'chat', '"Chat"', '20']);
  assert.equal(row('code_review', 'none')[3], '"No AI"');
  assert.equal(row('docs', 'chat')[4], '', 'a hidden cell has no count');
  assertNoSmallGroup(csv.slice(1).map((r) => Number(r[4])).filter((n) => n > 0), 'the CSV');

  const json = JSON.parse(saved.JSON);
  assert.equal(json.total.n, null, 'the total would add up the hidden cells');
  assert.equal(json.cells.reduce((sum, cell) => sum + (cell.n ?? 0), 0), 81);
  const all = [json.total, ...json.tasks, ...json.tools, ...json.cells].map((g) => g.n).filter((n) => n !== null);
  assertNoSmallGroup(all, 'the JSON');

  assert.match(saved.SVG, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(saved.SVG, /fill="#542788"/);
  const svgCounts = [...saved.SVG.matchAll(/n = (\d+)/g)].map((m) => Number(m[1]));
  assert.ok(svgCounts.includes(20));
  assertNoSmallGroup(svgCounts, 'the SVG');
});

test('told-to and chosen use side by side', async () => {
  const page = await openTeamMap();
  await page.getByLabel('Compare told-to and chosen use side by side').check();
  const told = page.locator('.side-by-side section', { hasText: 'Told to use it' });
  const chose = page.locator('.side-by-side section', { hasText: 'Chose to use it' });
  await told.locator('svg[role="img"]').waitFor();
  assert.match(await told.locator('table').textContent(), /mean −2\.0 from 20 reports/);
  assert.match(await chose.locator('table').textContent(), /mean \+2\.0 from 20 reports/);
  assertNoSmallGroup(await shownCounts(page), 'the comparison');
});

test('one filter besides the period at a time: a second replaces the first, the comparison says it covers everyone', async () => {
  const page = await openTeamMap();
  await choose(page, page.locator('#filter-team'), 'payments');
  assert.equal(await page.locator('#filter-team').inputValue(), 'payments');
  // Choosing "told to" replaces the team: the server publishes no view with both (SPEC §5.2).
  await choose(page, page.locator('#filter-mandated'), 'true');
  assert.equal(await page.locator('#filter-team').inputValue(), '');
  assert.equal(await page.locator('#filter-mandated').inputValue(), 'true');
  assert.match(await cell(page, 'Incident', 'Agent').getAttribute('aria-label'), /from 20 reports/);
  await page.getByText('One filter besides the period at a time').waitFor();

  // With a team chosen, told-to and chosen use are compared for the whole organisation, and it says so.
  await choose(page, page.locator('#filter-team'), 'payments');
  await page.getByLabel('Compare told-to and chosen use side by side').check();
  const told = page.locator('.side-by-side section', { hasText: 'Told to use it' });
  await told.locator('svg[role="img"]').waitFor();
  await page.getByText('The comparison covers the whole organisation in this period').waitFor();
  assert.match(await told.locator('table').textContent(), /mean −2\.0 from 20 reports/);
  assertNoSmallGroup(await shownCounts(page), 'the comparison next to a team');

  // The drill-down by effort needs the period alone.
  await cell(page, 'Incident', 'Agent').click();
  await page.locator('.cell-detail').getByText('Checking effort is shown for a period with no other filter').waitFor();
  assert.deepEqual(page.errors, []);
});

test('a keyboard user keeps the focus: on the select after choosing in it, on the cell after closing its detail', async () => {
  const page = await openTeamMap();
  const period = page.locator('#filter-period');
  await period.locator('option').nth(1).waitFor({ state: 'attached' });
  await period.focus();
  // The map and the filters are drawn again with the new view; the select keeps the focus.
  const drawn = page.waitForResponse((response) => response.url().includes('/api/v1/aggregate/choices'));
  await page.keyboard.press('ArrowDown');
  await drawn;
  await page.locator('.summary').waitFor();
  assert.notEqual(await period.inputValue(), '');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'filter-period');

  await cell(page, 'Incident', 'Agent').focus();
  await page.keyboard.press('Enter');
  const close = page.locator('.cell-detail').getByRole('button', { name: 'Close' });
  await close.focus();
  await page.keyboard.press('Enter');
  await page.locator('.cell-detail').waitFor({ state: 'detached' });
  assert.match(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), /Incident with Agent:/);
  assert.deepEqual(page.errors, []);
});

test('if the maps’ module cannot be loaded, the page says so in its place', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/\/team-map-[0-9a-f]+\.js$/, (route) => route.abort());
  try {
    await page.goto(new URL('team', server.url).href);
    const alert = page.locator('#team-map[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^The team map could not be loaded/);
    assert.equal(await page.getByText('Loading the team map…').count(), 0);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Team map');
  } finally {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  }
});
