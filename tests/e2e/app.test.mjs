// End-to-end: the real built app in Debian's Chromium, served on 127.0.0.1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { countingKeyboard, launchBrowser, openPage, serveApp, stored, tempFile } from './harness.mjs';

let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  server = await serveApp();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until the form can take a report. */
async function formReady(page) {
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
}

/** Files one report with clicks: task, tool, outcome, Save. */
async function fileByClicks(page, { task, tool, outcome }) {
  await page.locator(`label[for="task-${task}"]`).click();
  await page.locator(`label[for="tool-${tool}"]`).click();
  await page.locator(`label[for="outcome-${outcome}"]`).click();
  await page.getByRole('button', { name: /^Save/ }).click();
  await page.getByText('Saved.').waitFor();
}

function historyOf(page) {
  return stored(page, 'candor.history').then((raw) => (raw ? JSON.parse(raw).reports : []));
}

describe('filing', () => {
  test('with task and tool remembered, a report takes 2 keystrokes (budget 4)', async () => {
    const page = await openPage(browser, server.url);
    await formReady(page);
    await fileByClicks(page, { task: 'debugging', tool: 'chat', outcome: 4 });

    await page.reload();
    await formReady(page);
    const keys = countingKeyboard(page);
    await keys.press('5');
    await keys.press('Enter');
    await page.getByText('Saved.').waitFor();
    assert.ok(keys.presses <= 4, `${keys.presses} keystrokes`);

    const reports = await historyOf(page);
    assert.equal(reports.length, 2);
    assert.deepEqual(
      reports.map((r) => [r.task, r.tool, r.outcome]),
      [['debugging', 'chat', 1], ['debugging', 'chat', 2]],
    );
    // Only the ISO week is kept: no day, no time, nothing about the device.
    for (const report of reports) {
      assert.match(report.week, /^\d{4}-W\d{2}$/);
      assert.match(report.id, /^[0-9a-f]{32}$/);
      assert.deepEqual(Object.keys(report).sort(), ['id', 'outcome', 'task', 'tool', 'v', 'week']);
    }
    assert.deepEqual(page.errors, []);
  });

  test('a deep link pre-fills task and tool, so a first report is 2 keystrokes', async () => {
    const page = await openPage(browser, `${server.url}?task=incident&tool=agent`);
    await formReady(page);
    const keys = countingKeyboard(page);
    await keys.press('1');
    await keys.press('Enter');
    await page.getByText('Saved.').waitFor();
    assert.ok(keys.presses <= 4);
    const [report] = await historyOf(page);
    assert.deepEqual([report.task, report.tool, report.outcome], ['incident', 'agent', -2]);
  });

  test('an unknown id in a deep link is ignored with a visible notice', async () => {
    const page = await openPage(browser, `${server.url}?task=astrology&tool=chat`);
    await page.getByText('The link asked for task “astrology”').waitFor();
    assert.equal(await page.locator('#task-astrology').count(), 0);
    assert.ok(await page.locator('#tool-chat').isChecked());
  });

  test('Enter without an outcome says what is missing and saves nothing', async () => {
    const page = await openPage(browser, server.url);
    await formReady(page);
    await page.keyboard.press('Enter');
    await page.getByText('Choose the kind of task first.').waitFor();
    assert.deepEqual(await historyOf(page), []);
  });

  test('reasons are offered only for a negative outcome, and kept with it', async () => {
    const page = await openPage(browser, `${server.url}?task=code_review&tool=chat`);
    await formReady(page);
    await page.keyboard.press('4');
    assert.equal(await page.getByText("Why didn't it help?").count(), 0);
    await page.keyboard.press('2');
    await page.locator('label[for="reason-wrong"]').click();
    await page.locator('label[for="reason-checking"]').click();
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    const [report] = await historyOf(page);
    assert.equal(report.outcome, -1);
    assert.deepEqual(report.reasons, ['wrong', 'checking']);
    // After saving, the reasons stay (so nothing moves), emptied, until the
    // next outcome says whether they are wanted.
    assert.equal(await page.locator('#reason-wrong').isChecked(), false);
    await page.keyboard.press('4');
    await page.getByText("Why didn't it help?").waitFor({ state: 'detached' });
  });

  test('Undo takes back the report just filed', async () => {
    const page = await openPage(browser, `${server.url}?task=docs&tool=none`);
    await formReady(page);
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undone').waitFor();
    assert.deepEqual(await historyOf(page), []);
  });
});

describe('history and my map', () => {
  test('a report survives a reload and shows in History and My map', async () => {
    const page = await openPage(browser, server.url);
    await formReady(page);
    await fileByClicks(page, { task: 'debugging', tool: 'chat', outcome: 4 });
    await page.reload();
    await page.getByRole('link', { name: 'History' }).click();
    await page.waitForURL(/\/history$/);
    const item = page.locator('li.report');
    await item.first().waitFor();
    assert.equal(await item.count(), 1);
    assert.equal((await item.first().innerText()).trim(), 'Debugging · Chat assistant · Helped');

    await page.getByRole('link', { name: 'My map' }).click();
    await page.locator('figure.heatmap .chart svg').waitFor();
    await page.getByText('Show as a table').click();
    const row = page.locator('table tr', { has: page.locator('th', { hasText: 'Debugging' }) });
    const cells = await row.locator('td').allInnerTexts();
    // Columns: No AI first (the baseline), then the config's tools.
    const columns = await page.locator('table thead th').allInnerTexts();
    assert.deepEqual(columns, ['Task', 'No AI', 'Chat assistant', 'IDE completion', 'Coding agent']);
    assert.equal(cells[0], 'no reports');
    assert.match(cells[1], /^mean \+1\.0 from 1 report, 100% helped/);
    // A deep link to /map also works after a reload.
    await page.reload();
    await page.locator('figure.heatmap .chart svg').waitFor();
  });

  test('export, erase, then import restores the history', async () => {
    const page = await openPage(browser, `${server.url}?task=tests&tool=completion`);
    await formReady(page);
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    const before = await historyOf(page);
    assert.equal(before.length, 2);

    await page.getByRole('link', { name: 'History' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as JSON' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'candor-history.json');
    const exported = await download.path();
    const document = JSON.parse(await readFile(exported, 'utf8'));
    assert.equal(document.schema, 1);
    assert.equal(document.reports.length, 2);

    await page.getByRole('button', { name: 'Erase everything…' }).click();
    await page.getByRole('button', { name: 'Yes, erase' }).click();
    await page.getByText('No reports kept on this device.').waitFor();
    assert.equal(await stored(page, 'candor.history'), null);

    await page.locator('#import-file').setInputFiles(exported);
    await page.getByText('Imported 2 new reports; 0 were already here; 0 rejected.').waitFor();
    assert.deepEqual(await historyOf(page), before);

    // Importing again merges by id: nothing is doubled.
    await page.locator('#import-file').setInputFiles(exported);
    await page.getByText('Imported 0 new reports; 2 were already here; 0 rejected.').waitFor();
    assert.equal((await historyOf(page)).length, 2);
  });

  test('import rejects each bad entry with its reason and keeps the good ones', async () => {
    const page = await openPage(browser, `${server.url}history`);
    const good = { v: 1, id: 'a'.repeat(32), week: '2026-W10', task: 'debugging', tool: 'none', outcome: 0 };
    const bad = { ...good, id: 'b'.repeat(32), outcome: 7 };
    const typo = { ...good, id: 'c'.repeat(32), outcom: 1 };
    const file = await tempFile('mixed.json', JSON.stringify({ schema: 1, reports: [good, bad, typo] }));
    await page.locator('#import-file').setInputFiles(file);
    await page.getByText('Imported 1 new report; 0 were already here; 2 rejected.').waitFor();
    const rejected = await page.locator('.rejected li').allInnerTexts();
    assert.equal(rejected.length, 2);
    assert.match(rejected[0], /^Entry 2: .*outcome/);
    assert.match(rejected[1], /^Entry 3: .*outcom/);

    const junk = await tempFile('junk.json', 'this is not json');
    await page.locator('#import-file').setInputFiles(junk);
    await page.getByText(/Nothing was imported: this file is not a Candor export/).waitFor();
    assert.equal((await historyOf(page)).length, 1);
  });

  test("'Don't keep history' erases what is kept and stops keeping", async () => {
    const page = await openPage(browser, `${server.url}?task=data&tool=none`);
    await formReady(page);
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('button', { name: "Don't keep history on this device…" }).click();
    await page.getByRole('button', { name: 'Yes, erase' }).click();
    await page.getByText('History is off on this device').waitFor();
    assert.equal(await stored(page, 'candor.history'), null);
    assert.equal(JSON.parse(await stored(page, 'candor.prefs')).keep_history, false);
    // With no sync server a report would be kept nowhere, so the form says so.
    await page.getByRole('link', { name: 'File a report' }).click();
    await page.getByText('would be kept nowhere').waitFor();
    assert.ok(await page.getByRole('button', { name: /^Save/ }).isDisabled());
  });
});

describe('damaged data and config', () => {
  test('corrupt stored history is kept aside, the user is told, and the form works', async () => {
    const page = await openPage(browser, server.url);
    await formReady(page);
    await page.evaluate(() => window.localStorage.setItem('candor.history', '{"schema":1,"reports":[tru'));
    await page.reload();
    const notice = page.locator('.notice.problem');
    await notice.waitFor();
    assert.match(await notice.innerText(), /could not be read.*kept aside.*candor\.aside\.history\.1/s);
    assert.equal(await stored(page, 'candor.aside.history.1'), '{"schema":1,"reports":[tru');

    await fileByClicks(page, { task: 'feature', tool: 'agent', outcome: 5 });
    assert.equal((await historyOf(page)).length, 1);
    // The set-aside copy is still there after the new report was saved.
    assert.equal(await stored(page, 'candor.aside.history.1'), '{"schema":1,"reports":[tru');
  });

  test('one bad entry is set aside and the rest of the history kept', async () => {
    const page = await openPage(browser, server.url);
    await formReady(page);
    await page.evaluate(() => {
      const good = { v: 1, id: 'd'.repeat(32), week: '2026-W20', task: 'design', tool: 'chat', outcome: 1 };
      const foreign = { name: 'something else entirely' };
      window.localStorage.setItem('candor.history', JSON.stringify({ schema: 1, reports: [good, foreign] }));
    });
    await page.reload();
    await page.locator('.notice.problem').waitFor();
    assert.match(await page.locator('.notice.problem').innerText(), /1 saved report could not be read/);
    assert.equal((await historyOf(page)).length, 1);
    const aside = JSON.parse(await stored(page, 'candor.aside.history.1'));
    assert.equal(aside.length, 1);
    assert.match(aside[0].entry, /something else entirely/);
  });

  test('a history written as a bare array (schema 0) is migrated', async () => {
    const page = await openPage(browser, server.url);
    await formReady(page);
    await page.evaluate(() => {
      const old = { v: 1, id: 'e'.repeat(32), week: '2026-W21', task: 'docs', tool: 'none', outcome: 0 };
      window.localStorage.setItem('candor.history', JSON.stringify([old]));
    });
    await page.reload();
    await formReady(page);
    const document = JSON.parse(await stored(page, 'candor.history'));
    assert.equal(document.schema, 1);
    assert.equal(document.reports.length, 1);
    assert.equal(await page.locator('.notice').count(), 0);
  });

  test('a broken candor.json gives a page naming the file and the field', async () => {
    const config = JSON.parse(await readFile(new URL('../../public/candor.json', import.meta.url), 'utf8'));
    config.tasks[1].id = 'Not An Id';
    const broken = await serveApp({ config: await tempFile('candor.json', JSON.stringify(config)) });
    try {
      const page = await openPage(browser, broken.url);
      const alert = page.locator('.config-error');
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, /Candor cannot start/);
      assert.match(text, /candor\.json/);
      assert.match(text, /tasks\[1\]\.id/);
    } finally {
      await broken.close();
    }
  });

  test('a missing candor.json gives a page saying where it was looked for', async () => {
    const missing = await serveApp({ config: '/nonexistent/candor.json' });
    try {
      const page = await openPage(browser, missing.url);
      await page.locator('.config-error').waitFor();
      assert.match(await page.locator('.config-error').innerText(), /candor\.json (was not found|could not be fetched)/);
    } finally {
      await missing.close();
    }
  });

  test('a retired task in stored reports still shows, marked retired', async () => {
    const page = await openPage(browser, server.url);
    await formReady(page);
    await page.evaluate(() => {
      const old = { v: 1, id: 'f'.repeat(32), week: '2026-W22', task: 'pairing', tool: 'chat', outcome: 2 };
      window.localStorage.setItem('candor.history', JSON.stringify({ schema: 1, reports: [old] }));
    });
    await page.goto(`${server.url}history`);
    await page.getByText('pairing (retired) · Chat assistant · Helped a lot').waitFor();
    await page.getByRole('link', { name: 'My map' }).click();
    await page.getByText('Show as a table').click();
    await page.locator('table th', { hasText: 'pairing (retired)' }).waitFor();
  });
});

describe('static hosting', () => {
  test('the app works under a path prefix, deep links included', async () => {
    const prefixed = await serveApp({ prefix: '/candor' });
    try {
      const page = await openPage(browser, prefixed.url);
      await formReady(page);
      await fileByClicks(page, { task: 'debugging', tool: 'none', outcome: 3 });
      await page.getByRole('link', { name: 'History' }).click();
      await page.waitForURL(/\/candor\/history$/, { waitUntil: 'commit' });
      await page.reload();
      await page.locator('li.report').waitFor();
      assert.deepEqual(page.errors, []);
    } finally {
      await prefixed.close();
    }
  });
});
