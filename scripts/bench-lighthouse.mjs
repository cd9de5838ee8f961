// Lighthouse (SPEC §8, desktop: performance ≥ 95, accessibility 100, best
// practices 100) on every page of the real app, served by candor-server with
// its demo data, in Debian's Chromium. Each page is audited --runs times
// (default 3, the median of each category counts: a shared 2-core machine is
// noisy); the full reports are written to a temporary folder, and the audits
// that cost points are printed. Exits 1 if any page misses a target.
//
//   CANDOR_SERVER_BIN=target/server/candor-server node scripts/bench-lighthouse.mjs [--runs 3]
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';
import { freePort, startSyncServer } from '../tests/e2e/harness.mjs';

const PAGES = ['', 'history', 'map', 'team'];
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100 };
const at = process.argv.indexOf('--runs');
const RUNS = at > 0 ? Number(process.argv[at + 1]) : 3;

/** Debian's Chromium with a debugging port for Lighthouse, a fresh profile each time. */
async function launchChromium() {
  const profile = await mkdtemp(join(tmpdir(), 'candor-lh-profile-'));
  const child = spawn(
    process.env.CANDOR_CHROMIUM ?? '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not start:\n${output}`)), 20_000);
    child.stderr.on('data', (chunk) => {
      output += chunk;
      const found = output.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (found) {
        clearTimeout(timer);
        done(Number(found[1]));
      }
    });
  });
  return {
    port,
    close: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = await mkdtemp(join(tmpdir(), 'candor-lighthouse-'));
const server = await startSyncServer({
  port: await freePort(),
  db: join(dir, 'candor.db'),
  today: new Date().toISOString().slice(0, 10),
  demo: true,
});
const failures = [];
const lines = [];
try {
  for (const path of PAGES) {
    const url = `${server.url}${path}`;
    const scores = Object.fromEntries(Object.keys(TARGETS).map((id) => [id, []]));
    const lost = new Map();
    for (let run = 0; run < RUNS; run += 1) {
      const chromium = await launchChromium();
      try {
        const result = await lighthouse(
          url,
          { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(TARGETS) },
          desktop,
        );
        const { lhr } = result;
        await writeFile(join(dir, `${path || 'form'}-${run + 1}.json`), result.report);
        for (const id of Object.keys(TARGETS)) {
          const category = lhr.categories[id];
          scores[id].push(Math.round(category.score * 100));
          for (const ref of category.auditRefs) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
              lost.set(ref.id, `${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
            }
          }
        }
        if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      } finally {
        await chromium.close();
      }
    }
    const page = `/${path}`;
    const summary = Object.keys(TARGETS).map((id) => {
      const score = median(scores[id]);
      if (score < TARGETS[id]) failures.push(`${page} ${id} ${score} < ${TARGETS[id]}`);
      return `${id} ${score}${RUNS > 1 ? ` [${scores[id].join(' ')}]` : ''}`;
    });
    lines.push(`${page.padEnd(9)} ${summary.join(', ')}`);
    console.log(lines.at(-1));
    for (const reason of lost.values()) console.log(`          lost points: ${reason}`);
  }
} finally {
  await server.stop();
}
console.log(`load average: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
console.log(`Lighthouse ${RUNS > 1 ? `(median of ${RUNS} runs each) ` : ''}desktop, targets performance ≥ 95, accessibility 100, best practices 100; reports in ${dir}`);
if (failures.length) {
  console.error(`BELOW TARGET: ${failures.join('; ')}`);
  process.exit(1);
}
