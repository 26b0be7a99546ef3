// Helpers shared by the understanding aids' end-to-end tests.
import { showEvents } from './harness.mjs';

/** Delivers the in-flight message shown as `link text` ("S1 → S3 Accept 11 X") with its button. */
export async function deliverShown(page, shown) {
  const command = await page.evaluate((wanted) => {
    const rows = [...document.querySelectorAll('#inflight .inflight-row')];
    const row = rows.find((r) => `${r.querySelector('.inflight-link').textContent} ${r.querySelector('.inflight-text').textContent}` === wanted);
    return row?.querySelector('.action-deliver').dataset.command ?? null;
  }, shown);
  if (!command) throw new Error(`no message in flight shown as "${shown}"`);
  // Acting at the viewed step forks the run there and shows the step the action made.
  const before = await page.locator('#scrubber').evaluate((input) => Number(input.value));
  await page.click(`#inflight [data-command="${command}"]`);
  await page.waitForFunction((n) => Number(document.getElementById('scrubber').value) === n
    && document.getElementById('scrubber').max === String(n), before + 1);
}

/** The texts of a list's items. */
export function texts(page, selector) {
  return page.locator(selector).allTextContents();
}

/** Every event line of the run, from the event list. */
export async function eventLines(page) {
  await showEvents(page);
  return page.locator('#events .event-row .event-text').allTextContents();
}

/**
 * Scrolls to the aids below the cluster, as a reader would, and waits until their code is
 * loaded (the page fetches it when they come near the screen, web/controls/deferred.js).
 */
export async function aidsReady(page) {
  await page.locator('#compare-panel').scrollIntoViewIfNeeded();
  await page.locator('#compare-panel[data-ready="true"]').waitFor();
}
