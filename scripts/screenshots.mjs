// `npm run screenshots`: the README's pictures of the playground, taken with playwright-core
// and Debian's Chromium from the real page (build the wasm first: `npm start` or
// `bash scripts/build-wasm.sh`). Writes docs/screenshot-desktop.png, docs/screenshot-phone.png,
// and the drawings' pictures of issue #14: seed §3 at its violation (desktop and phone) and
// §4's split vote in the dark theme.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchBrowser, loadPreset, startServer, waitForStep } from '../tests/e2e/harness.mjs';

const SHOTS = [
  {
    file: 'screenshot-desktop.png',
    context: { viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 },
    // Seed §5 in the middle of its phase-2 conflict, S5 selected.
    preset: 'seed-5', step: 15, select: '#cluster [data-node-id="5"]',
  },
  {
    file: 'screenshot-phone.png',
    context: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    // Seed §3 the moment the chosen Z is overwritten: the observer says VIOLATED.
    preset: 'seed-3', step: 8, scrollTo: '.playback',
  },
  {
    file: 'seed3-violation-desktop.png',
    context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
    preset: 'seed-3', step: 8, scrollTo: '.status-line',
  },
  {
    file: 'seed3-violation-phone.png',
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
    preset: 'seed-3', step: 8,
  },
  {
    file: 'seed4-split-dark.png',
    context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
    // Stuck from step 11: X, Y and Z each hold acceptors, none a majority.
    colorScheme: 'dark', preset: 'seed-4', step: 11, scrollTo: '.status-line',
  },
];

async function shoot(browser, origin, shot) {
  const context = await browser.newContext({ ...shot.context, locale: 'en-GB', colorScheme: shot.colorScheme ?? 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.locator('#cluster g.node').first().waitFor();
  await loadPreset(page, shot.preset);
  await page.locator('#scrubber').fill(String(shot.step));
  await waitForStep(page, shot.step);
  if (shot.select) await page.locator(shot.select).click();
  if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((element) => element.scrollIntoView({ block: 'start' }));
  // Move focus off the controls so no focus ring is in the picture.
  await page.evaluate(() => document.activeElement?.blur());
  const path = join(ROOT, 'docs', shot.file);
  await page.screenshot({ path });
  await context.close();
  return path;
}

const [server, browser] = await Promise.all([startServer(ROOT), launchBrowser()]);
try {
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  for (const shot of SHOTS) console.log(`screenshots: wrote ${await shoot(browser, server.origin, shot)}`);
} finally {
  await browser.close();
  await server.close();
}
