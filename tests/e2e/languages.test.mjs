// Languages (SPEC §9), end to end against the real candor-server with its
// demo data and the built app: the browser's preferred language is the one
// shown, right to left for Arabic; a report is filed in German within the
// keystroke budget in every language; the team map reads in Arabic, its
// columns mirrored; the en-XA pseudo-locale finds no string on any page that
// did not come from a catalog; axe-core finds nothing in Arabic or Japanese.
//
// The expected words are read from locales/<lang>/*.ftl, so a better
// translation does not break a test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countingKeyboard, freePort, launchBrowser, startSyncServer, stored } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TODAY = '2026-11-18';
const LOCALES = new URL('../../locales/', import.meta.url).pathname;
const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'ar'];

/** The messages of `locales/<lang>/<domain>.ftl` that are one plain line. */
async function words(lang, domain = 'app') {
  const text = await readFile(join(LOCALES, lang, `${domain}.ftl`), 'utf8');
  const messages = {};
  for (const line of text.split('\n')) {
    const match = /^([a-z][a-z0-9-]*) = (.*)$/.exec(line);
    if (match && !match[2].includes('{')) messages[match[1]] = match[2].trim();
  }
  return messages;
}

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  const dir = await mkdtemp(join(tmpdir(), 'candor-languages-'));
  server = await startSyncServer({ port: await freePort(), db: join(dir, 'candor.db'), today: TODAY, demo: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A fresh context whose browser prefers `locale` (navigator.languages), or
 * whose device remembers `remembered` under candor.lang; the page opened
 * at `path`, and every page error kept.
 */
async function openIn({ locale = 'en-US', remembered, path = '', bypassCSP = false }) {
  const context = await browser.newContext({ locale, bypassCSP, acceptDownloads: true });
  if (remembered) {
    await context.addInitScript((code) => window.localStorage.setItem('candor.lang', code), remembered);
  }
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error));
  await page.goto(`${server.url}${path}`);
  return { context, page };
}

/** Waits until `<html>` says `lang` and the form's heading is in it. */
async function inLanguage(page, lang) {
  const expected = await words(lang);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
  await page.getByRole('link', { name: expected['nav-history'], exact: true }).waitFor();
  return expected;
}

describe('the language shown', () => {
  for (const [locale, lang, dir] of [
    ['de-DE', 'de', 'ltr'],
    ['ja-JP', 'ja', 'ltr'],
    ['ar-EG', 'ar', 'rtl'],
    ['ko-KR', 'en', 'ltr'],
  ]) {
    test(`a browser preferring ${locale} gets ${lang}, ${dir}`, async () => {
      const { context, page } = await openIn({ locale });
      try {
        await inLanguage(page, lang);
        assert.equal(await page.evaluate(() => document.documentElement.dir), dir);
        assert.equal(await page.locator('#language').inputValue(), lang);
        assert.deepEqual(page.errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('switching is one choice in the header, remembered on the device', async () => {
    const { context, page } = await openIn({ locale: 'en-US', path: 'history' });
    try {
      await inLanguage(page, 'en');
      await page.locator('#language').selectOption('fr');
      const french = await inLanguage(page, 'fr');
      assert.equal(await stored(page, 'candor.lang'), 'fr');
      // Still on the page it was switched from.
      await page.getByRole('heading', { level: 1, name: french['history-title'] }).waitFor();
      await page.reload();
      await inLanguage(page, 'fr');
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('filing', () => {
  for (const lang of LANGUAGES) {
    test(`in ${lang}, a linked report takes 2 keystrokes (budget 4)`, async () => {
      const { context, page } = await openIn({ locale: lang, path: '?task=debugging&tool=chat' });
      try {
        const expected = await inLanguage(page, lang);
        await page.locator('#outcome-4').waitFor({ state: 'attached' });
        const keys = countingKeyboard(page);
        await keys.press('5');
        await keys.press('Enter');
        await page.getByText(expected['form-saved'], { exact: true }).waitFor();
        assert.ok(keys.presses <= 4, `${keys.presses} keystrokes`);
        const history = JSON.parse(await stored(page, 'candor.history'));
        assert.deepEqual(
          history.reports.map((r) => [r.task, r.tool, r.outcome]),
          [['debugging', 'chat', 2]],
        );
        assert.deepEqual(page.errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('in German, the form, its answers and the labels of candor.json read in German', async () => {
    const { context, page } = await openIn({ locale: 'de-DE' });
    try {
      const german = await inLanguage(page, 'de');
      const config = JSON.parse(await (await fetch(`${server.url}candor.json`)).text());
      const label = (list, id) => {
        const { label } = config[list].find((choice) => choice.id === id);
        return typeof label === 'string' ? label : label.de ?? label.en;
      };
      await page.getByText(label('tasks', 'debugging'), { exact: true }).click();
      await page.getByText(label('tools', 'chat'), { exact: true }).click();
      await page.getByText(german['outcome-worse'], { exact: true }).click();
      // A negative outcome asks why, in German.
      await page.getByText(german['reason-wrong'], { exact: true }).click();
      await page.keyboard.press('Enter');
      await page.getByText(german['form-saved'], { exact: true }).waitFor();
      await page.getByRole('link', { name: german['nav-history'], exact: true }).click();
      const line = page.locator('li.report').first();
      await line.waitFor();
      const text = await line.innerText();
      for (const part of [label('tasks', 'debugging'), label('tools', 'chat'), german['reason-wrong']]) {
        assert.ok(text.includes(part), `"${part}" in "${text}"`);
      }
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });
});

/**
 * Opens each page in turn in `page` (already in its language), each waited
 * for by what it shows once its data is in, and runs `check(name)` on it.
 * A report is filed first (by keys, through a link), so History and My map
 * have something to show.
 */
async function everyPage(page, lang, check) {
  // <html lang> names the language once its catalog is in force.
  const goto = async (path) => {
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
  };
  await goto('?task=debugging&tool=chat');
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
  await page.keyboard.press('2');
  await page.locator('#reason-wrong').waitFor({ state: 'attached' });
  await check('/ (the form, negative outcome with reasons)');
  await page.keyboard.press('Enter');
  await page.locator('.saved').waitFor();
  // The pilot desk (the demo's pilot runs this week) comes after the form.
  await page.locator('#pilot-desk section').waitFor();
  await check('/ (the form, saved, with the pilot desk)');
  await goto('history');
  await page.locator('li.report').first().waitFor();
  await check('/history');
  await goto('map');
  await page.locator('figure.heatmap svg').first().waitFor();
  await check('/map');
  await goto('team');
  await page.locator('figure.heatmap svg').first().waitFor();
  await page.locator('.team-map .summary').waitFor();
  // The filters' values come from the server after the map.
  await page.locator('#filter-effort option').nth(1).waitFor({ state: 'attached' });
  await check('/team');
  await goto('pilots');
  await page.locator('#pilot-results section.pilot').first().waitFor();
  await check('/pilots');
}

test('in the en-XA pseudo-locale, every page shows only words from a catalog', async () => {
  const { context, page } = await openIn({ remembered: 'en-XA' });
  // Words that are data, not the app's: the config's labels and
  // descriptions, and each language's own name in the switch.
  const config = JSON.parse(await (await fetch(`${server.url}candor.json`)).text());
  const data = new Set(['Candor', 'English', 'Deutsch', 'Français', 'Español', '日本語', 'العربية', 'CSV', 'JSON', 'SVG']);
  // The demo's pilot is named from the tasks' and tools' English labels.
  for (const choice of [...config.tasks, ...config.tools, ...(config.teams ?? []), ...(config.pilots ?? [])]) {
    for (const text of [choice.label, choice.description ?? '']) {
      for (const value of typeof text === 'string' ? [text] : Object.values(text)) data.add(value);
    }
  }
  const found = {};
  try {
    await page.waitForFunction(() => document.documentElement.lang === 'en-XA');
    await everyPage(page, 'en-XA', async (screen) => {
      const texts = await page.evaluate(() => {
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (parent && !parent.closest('script, style, noscript, kbd') && node.textContent.trim()) out.push(node.textContent.trim());
        }
        for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
          for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
            const value = element.getAttribute(name);
            if (value && value.trim()) out.push(value.trim());
          }
        }
        return out;
      });
      // An English word: two plain ASCII letters in a row, outside the data.
      const english = texts.filter((text) => {
        let rest = text;
        for (const word of data) rest = rest.split(word).join(' ');
        return /[A-Za-z]{2,}/.test(rest.replace(/\b[a-z0-9_-]+\.(csv|json|svg)\b/g, ''));
      });
      if (english.length) found[screen] = [...new Set(english)];
    });
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
  assert.deepEqual(found, {}, `strings not from a catalog:\n${JSON.stringify(found, null, 2)}`);
});

for (const [locale, lang] of [['ar-EG', 'ar'], ['ja-JP', 'ja']]) {
  test(`every page has no axe-core violations in ${lang}`, async () => {
    const { context, page } = await openIn({ locale, bypassCSP: true });
    const found = {};
    try {
      await inLanguage(page, lang);
      await everyPage(page, lang, async (screen) => {
        await page.addScriptTag({ path: AXE });
        const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const list = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((node) => node.target.join(' ')).join('\n    ')}`,
        );
        if (list.length) found[screen] = list;
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang, screen);
      });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
    const report = Object.entries(found).map(([screen, list]) => `${screen}:\n  ${list.join('\n  ')}`).join('\n');
    assert.equal(report, '', `axe-core found violations in ${lang}:\n${report}`);
  });
}

test('the team map reads in Arabic, right to left: its columns mirrored, "No AI" on the right', async () => {
  const { context, page } = await openIn({ locale: 'ar-EG', path: 'team' });
  try {
    const arabic = { ...(await words('ar')), ...(await words('ar', 'team-map')) };
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.getByRole('heading', { level: 1, name: arabic['team-title'] }).waitFor();
    await page.locator('.team-map .summary').waitFor();
    const svg = page.locator('figure.heatmap svg').first();
    await svg.waitFor();
    // Columns in reading order: the baseline first, so rightmost.
    const columns = await svg.locator('.col-label').evaluateAll((labels) =>
      labels.map((label) => ({ text: label.textContent, x: label.getBoundingClientRect().x })),
    );
    assert.ok(columns.length >= 2, JSON.stringify(columns));
    assert.equal(columns[0].text, arabic['no-ai']);
    for (let i = 1; i < columns.length; i += 1) {
      assert.ok(columns[i].x < columns[i - 1].x, `column ${i} left of column ${i - 1}: ${JSON.stringify(columns)}`);
    }
    // Row labels (tasks) are on the right of every column.
    const rowsRight = await svg.locator('.row-label').evaluateAll((labels) =>
      Math.min(...labels.map((label) => label.getBoundingClientRect().left)),
    );
    assert.ok(rowsRight > columns[0].x, `rows at ${rowsRight}, first column at ${columns[0].x}`);
    // The filters read in Arabic, and so does their order: the period first, at the right.
    const period = await page.locator('#filter-period').boundingBox();
    const effort = await page.locator('#filter-effort').boundingBox();
    assert.ok(period.x > effort.x, `period at ${period.x}, effort at ${effort.x}`);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});
