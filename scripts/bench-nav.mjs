// Navigation to a usable form (SPEC §8: ≤ 500 ms, local server, headless
// Chromium), beside its yardstick: the real candor-server serves the built
// app on 127.0.0.1, and a second one serves the bare Leptos "hello"
// (benches/hello, built the same way by scripts/build-hello.sh). Each run
// opens each in a new browser context (cold HTTP cache, no service worker),
// one after the other so both see the same machine, and times from the start
// of the navigation to the frame that shows the app: Candor's first enabled
// form control, hello's heading. Prints both medians and their ratio; exits 1
// if Candor is over budget.
//
//   CANDOR_SERVER_BIN=target/server/candor-server node scripts/bench-nav.mjs \
//     [--runs 11] [--yardstick target/hello-dist]
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, startSyncServer } from '../tests/e2e/harness.mjs';

const BUDGET_MS = 500;
function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const RUNS = Number(option('--runs', 11));
const YARDSTICK = option('--yardstick', null);

// Runs in the page before any of its own scripts: performance.now() counts
// from the navigation's start, so the time includes the request for index.html.
// `what` is 'form' (Candor: a form control the employee can use) or
// 'heading' (hello: its <h1>).
function watchFor(what) {
  const usable = () => {
    if (what === 'heading') {
      const heading = document.querySelector('h1');
      return heading && heading.checkVisibility() && heading.getBoundingClientRect().width > 0;
    }
    const input = document.querySelector('form input:not(:disabled), form select:not(:disabled)');
    // The choice chips hide the radio itself; what the employee sees is its label.
    const shown = input && (input.labels?.[0] ?? input);
    return shown && shown.checkVisibility() && shown.getBoundingClientRect().width > 0;
  };
  const observer = new MutationObserver(() => {
    if (!usable()) return;
    observer.disconnect();
    // The next frame is the one that paints it.
    requestAnimationFrame(() => {
      window.usableAt = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

async function serve(dist) {
  const dir = await mkdtemp(join(tmpdir(), 'candor-bench-nav-'));
  const options = { port: await freePort(), db: join(dir, 'candor.db'), today: new Date().toISOString().slice(0, 10) };
  return startSyncServer(dist ? { ...options, dist } : options);
}

async function coldLoad(browser, url, what) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFor, what);
    await page.goto(url);
    await page.waitForFunction(() => window.usableAt !== undefined, null, { timeout: 10_000 });
    return await page.evaluate(() => window.usableAt);
  } finally {
    await context.close();
  }
}

const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
const list = (times) => [...times].sort((a, b) => a - b).map((ms) => ms.toFixed(0)).join(' ');

const candor = await serve(null);
const hello = YARDSTICK ? await serve(YARDSTICK) : null;
const browser = await launchBrowser();
const times = { candor: [], hello: [] };
try {
  // One unmeasured run: the server's and the OS's first-touch costs are not the app's.
  for (let run = -1; run < RUNS; run += 1) {
    const app = await coldLoad(browser, candor.url, 'form');
    const bare = hello ? await coldLoad(browser, hello.url, 'heading') : null;
    if (run < 0) continue;
    times.candor.push(app);
    if (hello) times.hello.push(bare);
  }
} finally {
  await browser.close();
  await candor.stop();
  await hello?.stop();
}
const app = median(times.candor);
console.log(`runs (ms): ${list(times.candor)}`);
console.log(`navigation to a usable form: median ${app.toFixed(0)} ms of ${RUNS} cold loads (budget ${BUDGET_MS} ms)`);
if (hello) {
  const bare = median(times.hello);
  console.log(`yardstick runs (ms): ${list(times.hello)}`);
  console.log(
    `yardstick: median ${bare.toFixed(0)} ms to the heading of the bare Leptos 0.8 + router "hello" (benches/hello); ` +
      `Candor takes ${(app / bare).toFixed(2)}× as long`,
  );
}
// A busy machine slows every run; the load says how busy it was.
console.log(`load average during the runs: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
if (app > BUDGET_MS) {
  console.error('OVER BUDGET');
  process.exit(1);
}
