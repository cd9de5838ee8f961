// The employee's side of a pilot (SPEC §10), end to end: the real
// candor-server with `--demo` (its randomized demo pilot runs this week),
// the built app and its pilot desk module, Debian's Chromium. Join, start
// two tasks with a forecast and see the coin, reload, finish both from the
// keyboard, and see them leave as reports v2 that the server counted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, outboxOf, startSyncServer, stored, waitWithClock } from './harness.mjs';

// A Wednesday in 2026-W47; the server is told the same day.
const TODAY = '2026-11-18';
const NOW = new Date(`${TODAY}T10:00:00`);
const PILOT = 'Writing tests with a coding agent';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The open tasks as the desk lists them, one line each. */
async function openTasks(page) {
  return page.locator('.open-tasks > li').allInnerTexts();
}

test('an employee joins a pilot, starts two tasks, and finishes them after a reload', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'candor-pilot-'));
  const server = await startSyncServer({ port: await freePort(), db: join(dir, 'candor.db'), today: TODAY, demo: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.clock.install({ time: NOW });
    await page.goto(server.url);

    // The desk loads after the form, in its own module.
    await page.getByRole('heading', { name: 'Pilots' }).waitFor();
    await page.getByRole('button', { name: `Join ${PILOT}` }).click();
    await page.getByRole('button', { name: `Leave ${PILOT}` }).waitFor();
    // Joining is kept on the device only.
    assert.equal(await stored(page, 'candor.pilots'), 'joined demo_tests\n');

    // Two tasks, each with a forecast; the device's coin answers at once.
    for (const [task, minutes] of [['Writing tests', '30 min'], ['Debugging', '1 h']]) {
      await page.locator('.desk-start').getByText(task, { exact: true }).click();
      await page.locator('.desk-start').getByText(minutes, { exact: true }).click();
      await page.keyboard.press('Enter');
      await page.getByText(/Started\. Do this one with(out)? AI\./).waitFor();
    }
    assert.equal((await openTasks(page)).length, 2);
    const kept = await stored(page, 'candor.pilots');
    assert.match(kept, /^joined demo_tests\nopen demo_tests tests 30 (ai|no_ai)\nopen demo_tests debugging 60 (ai|no_ai)\n$/);
    // No time is stored with an open task, not even the week.
    assert.doesNotMatch(kept, /20\d\d|W\d\d/);
    const arms = [...kept.matchAll(/ (ai|no_ai)\n/g)].map((match) => match[1]);

    // The tasks wait across a reload.
    await page.reload();
    await page.locator('.open-tasks > li').nth(1).waitFor();
    const listed = await openTasks(page);
    arms.forEach((arm, at) => {
      assert.ok(listed[at].includes(arm === 'ai' ? 'Do this one with AI' : 'Do this one without AI'), listed[at]);
    });

    // Finish both: how long it took, the tool preset by the coin, the
    // outcome on the number keys, Enter to file.
    for (const [at, actual] of [[0, '45 min'], [0, '2 h']]) {
      await page.locator('.open-tasks > li').nth(at).getByRole('button', { name: /^Finish/ }).click();
      const finish = page.locator('.desk-finish');
      await finish.getByText(actual, { exact: true }).click();
      const arm = arms.shift();
      const preset = await finish.locator('input[name="desk-tool"]:checked').getAttribute('value');
      assert.equal(preset, arm === 'ai' ? 'agent' : 'none');
      await page.keyboard.press('4');
      await page.keyboard.press('Enter');
      await page.getByText('Filed.').waitFor();
    }
    assert.deepEqual(await openTasks(page), []);
    // The number key and Enter were the desk's, not the report form's.
    assert.equal(await page.locator('input[name="outcome"]:checked').count(), 0);

    // They leave as any report does, as v2 with the pilot's fields.
    const outbox = await outboxOf(page);
    assert.equal(outbox.waiting.length, 2);
    await waitWithClock(page, async () => (await outboxOf(page)).waiting.length === 0);
    const sent = JSON.parse(await stored(page, 'candor.history')).reports;
    assert.equal(sent.length, 2);
    for (const report of sent) {
      assert.equal(report.v, 2);
      assert.equal(report.pilot, 'demo_tests');
      assert.equal(report.outcome, 1);
      assert.ok(['ai', 'no_ai'].includes(report.arm));
      assert.equal(report.tool, report.arm === 'ai' ? 'agent' : 'none');
    }
    assert.deepEqual(sent.map((r) => [r.task, r.forecast, r.actual]), [['tests', 30, 45], ['debugging', 60, 120]]);
    // The server counted them: sent again, they are duplicates.
    const again = await fetch(`${server.url}api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reports: sent }),
    }).then((response) => response.json());
    assert.deepEqual([again.accepted, again.duplicates], [0, 2]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});
