// Randomized response on the device (SPEC §6.6), end to end: with
// `privacy.randomized_response` in the served config, what waits in the
// outbox to leave is a randomized outcome without reasons, while the
// device's own history keeps what the employee said; the form says so.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, openPage, startSyncServer, tempFile } from './harness.mjs';

const TODAY = '2026-11-18';
let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  const config = JSON.parse(await readFile(new URL('../../public/candor.json', import.meta.url), 'utf8'));
  // ε = 0.1 keeps the true outcome with probability e^0.1 / (e^0.1 + 4) ≈ 0.22.
  config.privacy = { randomized_response: true, epsilon: 0.1 };
  const dir = await mkdtemp(join(tmpdir(), 'candor-rr-'));
  server = await startSyncServer({
    port: await freePort(),
    db: join(dir, 'candor.db'),
    today: TODAY,
    extraArgs: ['--config', await tempFile('candor.json', JSON.stringify(config))],
  });
});
after(async () => {
  await server?.stop();
  await browser?.close();
});

test('the outbox holds randomized outcomes without reasons; the history keeps the truth', async () => {
  const page = await openPage(browser, `${server.url}?task=code_review&tool=chat`);
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
  await page.getByText('your answer is randomized on this device').waitFor();
  const filed = 12;
  for (let i = 0; i < filed; i += 1) {
    await page.keyboard.press('1');
    await page.locator('label[for="reason-wrong"]').click();
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
  }
  const { history, outbox } = await page.evaluate(() => ({
    history: JSON.parse(localStorage.getItem('candor.history')),
    outbox: JSON.parse(localStorage.getItem('candor.outbox')),
  }));
  assert.equal(history.reports.length, filed);
  assert.ok(history.reports.every((r) => r.outcome === -2 && r.reasons.join() === 'wrong'));
  assert.equal(outbox.waiting.length, filed);
  assert.ok(outbox.waiting.every((r) => !r.reasons || r.reasons.length === 0), 'no reasons leave the device');
  // Twelve reports all sent as −2 would happen with probability 0.22^12 ≈ 1e-8.
  const sent = new Set(outbox.waiting.map((r) => r.outcome));
  assert.ok(sent.size > 1, `every outcome sent as filed: ${[...sent]}`);
  assert.deepEqual(page.errors, []);
});
