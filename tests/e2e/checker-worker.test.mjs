// The model checker in its Web Worker, driven from the real page: it finds the one-phase
// counterexample, the counterexample opens as a scenario, a large check can be cancelled,
// and the page keeps drawing frames while the worker searches.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, openPage, startServerAndBrowser } from './harness.mjs';

const ONE_PHASE = {
  model: 'sim', protocol: 'one-phase-highest', nodes: 3, quorum_phase1: 2, quorum_phase2: 2,
  proposers: 2, attempts: 1, timeouts: false, drops: false, duplicates: 0, crashes: 0,
  amnesia: false, nacks: true, in_flight_max: 12,
};
// Large enough to take many chunks (retries make the state space explode).
const LARGE = { ...ONE_PHASE, protocol: 'basic-paxos', attempts: 2, drops: true };

/** Runs a check in the page; `cancelAfter` progress reports, cancels. */
function runCheck(page, job, cancelAfter = 0) {
  return page.evaluate(async ([job, cancelAfter]) => {
    const { startCheck } = await import('/web/checker/client.js');
    let frames = 0;
    let counting = true;
    const count = () => { frames += 1; if (counting) requestAnimationFrame(count); };
    requestAnimationFrame(count);
    const result = await new Promise((resolve, reject) => {
      const reports = [];
      const handle = startCheck(job, {
        onProgress: (progress) => {
          reports.push(progress);
          if (cancelAfter && reports.length === cancelAfter) handle.cancel();
        },
        onDone: (summary, info) => resolve({ summary, info, reports: reports.length, last: reports.at(-1) }),
        onError: (error) => reject(error),
      });
    });
    counting = false;
    return { ...result, frames };
  }, [job, cancelAfter]);
}

describe('model checker worker', { timeout: 180_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('finds the shortest one-phase counterexample, which opens as a scenario', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    const { summary, info } = await runCheck(page, ONE_PHASE);
    assert.equal(summary.verdict, 'violated');
    assert.equal(info.cancelled, false);
    assert.match(summary.counterexample, /^propose S1 X$/m);
    const opened = await page.evaluate(async (script) => {
      const wasm = await import('/web/pkg/paxos_wasm.js');
      await wasm.default();
      const playground = new wasm.Playground(script);
      return { steps: playground.steps(), outcome: playground.snapshot().verdict.outcome };
    }, summary.counterexample);
    assert.deepEqual(opened, { steps: 4, outcome: 'violated' });
    assert.deepEqual(problems, []);
  });

  test('a large check reports progress, can be cancelled, and never freezes the page', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    const { summary, info, reports, last, frames } = await runCheck(page, LARGE, 8);
    assert.equal(info.cancelled, true);
    assert.equal(summary.verdict, 'incomplete');
    assert.ok(reports >= 8, `${reports} progress reports`);
    assert.ok(last.distinct_states > 0 && last.depth > 0, JSON.stringify(last));
    assert.ok(frames > 0, 'the page drew frames while the worker searched');
    assert.deepEqual(problems, []);
  });

  test('a bad job is reported as an error, not a hang', async () => {
    const { page } = await openPage(browser, `${server.origin}/`);
    const message = await page.evaluate(async () => {
      const { startCheck } = await import('/web/checker/client.js');
      return new Promise((resolve) => {
        startCheck({ model: 'sim', protocol: 'basic-paxos', nodes: 9 }, {
          onDone: () => resolve('done?'),
          onError: (error) => resolve(error.message),
        });
      });
    });
    assert.match(message, /model check request|servers/);
  });
});
