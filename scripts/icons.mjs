// Renders the app's install icons from public/favicon.svg with the same
// headless Chromium the tests use, so no image tool is needed. Run once when
// the logo changes and commit the PNGs:  node scripts/icons.mjs
//
//   public/icons/icon-192.png, icon-512.png   the logo as it is ("any")
//   public/icons/maskable-512.png             full-bleed background, logo shrunk
//                                             into the central safe zone (80 %)
//                                             so launchers may crop it to a circle
import { readFile } from 'node:fs/promises';
import { launchBrowser } from '../tests/e2e/harness.mjs';

const root = new URL('../public/', import.meta.url);
const svg = await readFile(new URL('favicon.svg', root), 'utf8');
// The logo's own background colour fills the whole square of the maskable icon.
const background = svg.match(/<rect width="32" height="32"[^>]*fill="(#[0-9a-f]+)"/i)[1];
const maskable = svg
  .replace(/<rect width="32" height="32"[^>]*\/>/, `<rect width="32" height="32" fill="${background}"/><g transform="translate(3.2 3.2) scale(0.8)">`)
  .replace('</svg>', '</g></svg>');

const browser = await launchBrowser();
const page = await browser.newPage();
for (const [name, source, size] of [
  ['icon-192.png', svg, 192],
  ['icon-512.png', svg, 512],
  ['maskable-512.png', maskable, 512],
]) {
  await page.setViewportSize({ width: size, height: size });
  const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
  await page.locator('svg').screenshot({ path: new URL(`icons/${name}`, root).pathname, omitBackground: true });
  console.log(`public/icons/${name}`);
}
await browser.close();
