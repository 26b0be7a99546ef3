// Where the load time goes: one cold load of the built site, printing each resource's
// fetch start/end and the page's marks, relative to navigation start (ms). A diagnostic
// for docs/BENCHMARKS.md, not part of `npm run bench`.
// Usage: node bench/load-timeline.mjs [--dir SITE] [--reps N]
import { join } from 'node:path';
import { ROOT, launchBrowser, startServer } from '../tests/e2e/harness.mjs';

const dirArg = process.argv.indexOf('--dir');
const SITE = dirArg > 0 ? process.argv[dirArg + 1] : join(ROOT, 'dist');
const repsArg = process.argv.indexOf('--reps');
const REPS = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 3;

const server = await startServer(SITE);
const browser = await launchBrowser();
try {
  for (let i = 0; i <= REPS; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => performance.getEntriesByName('playground-interactive').length > 0);
    const timeline = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation');
      const rows = [['html', nav.requestStart, nav.responseEnd], ['domInteractive', nav.domInteractive, nav.domInteractive],
        ['DOMContentLoaded', nav.domContentLoadedEventStart, nav.domContentLoadedEventEnd]];
      for (const r of performance.getEntriesByType('resource')) rows.push([new URL(r.name).pathname, r.startTime, r.responseEnd]);
      for (const m of performance.getEntriesByType('mark')) rows.push([`mark ${m.name}`, m.startTime, m.startTime]);
      for (const m of performance.getEntriesByType('measure')) rows.push([`measure ${m.name}`, m.startTime, m.startTime + m.duration]);
      return rows.sort((a, b) => a[1] - b[1]);
    });
    await context.close();
    if (i === 0) continue; // warm-up
    console.log(`--- load ${i}`);
    for (const [name, start, end] of timeline) console.log(`${start.toFixed(1).padStart(7)} ${end.toFixed(1).padStart(7)}  ${name}`);
  }
} finally {
  await browser.close();
  await server.close();
}
