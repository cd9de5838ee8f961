// Shared pieces of the end-to-end tests: Debian's Chromium driven by
// playwright-core, and the built app (dist/) served on 127.0.0.1.
import { chromium } from 'playwright-core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';

export const DIST = new URL('../../dist/', import.meta.url).pathname;

// Without the background-networking flags Chromium keeps trying hosts this
// closed network refuses.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium (a fresh profile each time). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CANDOR_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
}

/** Serves the built app; options as in scripts/serve.mjs. */
export async function serveApp(options = {}) {
  return startServer({ dist: DIST, ...options });
}

/** Writes `contents` to a fresh temporary file and returns its path. */
export async function tempFile(name, contents) {
  const dir = await mkdtemp(join(tmpdir(), 'candor-e2e-'));
  const path = join(dir, name);
  await writeFile(path, contents);
  return path;
}

/** Opens a page in a fresh context (empty storage) and fails on page errors. */
export async function openPage(browser, url) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.errors = errors;
  await page.goto(url);
  return page;
}

/** Counts every key press made through it, so budgets can be asserted. */
export function countingKeyboard(page) {
  const keyboard = {
    presses: 0,
    async press(key) {
      keyboard.presses += 1;
      await page.keyboard.press(key);
    },
  };
  return keyboard;
}

/** Reads one local storage key of the page. */
export function stored(page, key) {
  return page.evaluate((key) => window.localStorage.getItem(key), key);
}
