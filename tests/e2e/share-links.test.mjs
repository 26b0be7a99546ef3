// Share links in the real page: a copied link replays the same run at the same step in a
// new tab; the address follows the run without history entries; a link pasted into the
// same tab opens; only a chosen language travels; bad links of every kind get a clear
// message and a way back, losing nothing; text from a link never runs; copying works, and
// falls back to a selected field; and the links the page makes stay within their budgets.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, openPage, openShare, startServerAndBrowser, waitForStep } from './harness.mjs';
import { codeFor, fingerprint, nextHash, sharedLink, wasm } from './share-helpers.mjs';

describe('share links', { timeout: 240_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('a copied link opens the same run (interventions included) at the same step in a new tab', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'seed-5');
    await page.locator('#scrubber').fill('7');
    await waitForStep(page, 7);
    await page.click('#servers [data-command="crash S2"]');
    await page.click('#forward');
    await page.click('#forward');
    await page.click('#back');
    const link = await sharedLink(page);
    assert.match(link, new RegExp(`^${server.origin}/#s=[A-Za-z0-9_-]+$`));
    const before = await fingerprint(page);
    assert.equal(before.title, 'Two phases: conflicts in both, one value chosen');
    const opened = await openPage(browser, link);
    assert.deepEqual(await fingerprint(opened.page), before);
    assert.deepEqual(opened.problems, []);
    assert.deepEqual(problems, []);
    // Reset in the opened page goes back to the linked scenario (with its crash), at step 0.
    await opened.page.click('#reset');
    await waitForStep(opened.page, 0);
    await opened.page.click('#to-end');
    assert.equal(await opened.page.locator('#cluster [data-node-id="2"].down').count(), 1);
  });

  test('the address follows the run (replaceState, no history entries) and a reload keeps it', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    assert.equal(await page.evaluate(() => location.hash), '', 'no fragment before anything changes');
    const length = await page.evaluate(() => history.length);
    await page.click('#forward');
    let hash = await nextHash(page, '');
    for (let i = 0; i < 3; i += 1) {
      await page.click('#forward');
      hash = await nextHash(page, hash);
    }
    await page.click('#open-presets');
    await page.click('[data-load-preset="seed-2"]');
    hash = await nextHash(page, hash);
    await page.click('#to-end');
    hash = await nextHash(page, hash);
    assert.equal(await page.evaluate(() => history.length), length, 'no new history entries');
    assert.equal(`${server.origin}/${hash}`, await sharedLink(page), 'the address bar is the share link');
    const shown = await fingerprint(page);
    await page.reload();
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    assert.deepEqual(await fingerprint(page), shown);
    assert.deepEqual(problems, []);
  });

  test('a link pasted into the same tab opens (hashchange); in-page anchors are left alone', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    const code = await codeFor('seed-3', { step: 8 });
    await page.evaluate((c) => { location.hash = `s=${c}`; }, code);
    await waitForStep(page, 8);
    assert.equal(await page.locator('#scenario-title').textContent(), 'Proposal numbers break the deadlock, and break safety');
    assert.equal(await page.locator('#observer').getAttribute('data-outcome'), 'violated');
    await page.focus('.skip-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#main');
    assert.equal((await fingerprint(page)).position, 'Step 8 / 10');
    await page.click('#back');
    await nextHash(page, '#main');
    assert.equal((await fingerprint(page)).position, 'Step 7 / 10');
    assert.deepEqual(problems, []);
  });

  test('Back from a pasted link to the plain address opens what that address opens, and leaves it plain', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    const first = await fingerprint(page);
    const code = await codeFor('seed-3', { step: 8 });
    await page.evaluate((c) => { location.hash = `s=${c}`; }, code);
    await waitForStep(page, 8);
    await page.goBack();
    await waitForStep(page, 0);
    assert.deepEqual(await fingerprint(page), first, 'the page as the plain address opens it');
    // Written a moment after a change: nothing is, and a reload opens the same.
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => location.hash), '');
    // Forward opens the link again.
    await page.goForward();
    await waitForStep(page, 8);
    assert.equal(await page.locator('#scenario-title').textContent(), 'Proposal numbers break the deadlock, and break safety');
    assert.deepEqual(problems, []);
  });

  test('only a language chosen with the switch travels in a link', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    const w = await wasm();
    const detected = await sharedLink(page);
    assert.equal(w.decodeLink(new URL(detected).hash.slice(3)).language, 0, 'detected, not chosen: not in the link');
    const english = await browser.newPage();
    await english.goto(detected);
    await english.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    assert.equal(await english.getAttribute('html', 'lang'), 'en', 'the receiver\'s browser decides');

    await page.click('#language');
    await page.click('#language');
    const chosen = await sharedLink(page);
    assert.equal(w.decodeLink(new URL(chosen).hash.slice(3)).language, 2, 'zh-CN, chosen');
    await english.goto(chosen);
    await english.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    // Same page, new fragment: the Chinese texts are fetched, then the page switches.
    await english.locator('html[lang="zh-CN"]').waitFor();
    assert.equal(await english.locator('h1').textContent(), 'Paxos 演练场');
    // ...and it stays chosen there: its own links carry it on.
    assert.equal(w.decodeLink(new URL(await sharedLink(english)).hash.slice(3)).language, 2);
    await english.close();
    await context.close();
  });

  const good = () => codeFor('seed-1', { step: 5 });
  const BAD = [
    ['truncated', async () => (await good()).slice(0, 40), /incomplete: it was probably cut off.*What is wrong: the link is cut short/],
    ['corrupted', async () => { const c = await good(); return `${c.slice(0, 6)}____${c.slice(10)}`; }, /damaged and cannot be opened\. What is wrong: the link (is corrupted|describes an invalid)/],
    ['hostile', async () => '<img src=x onerror=window.__pwned=1>%22%27', /damaged.*What is wrong: the link is corrupted \(character 1 is not allowed\)/],
    ['oversized', async () => 'AQ'.repeat(40_000), /^This is too long to be a playground link\. It has 80000 characters; a link has at most 65536\.$/],
    ['newer', async () => `Ag${(await good()).slice(2)}`, /^This link was made by a newer version of the playground\. It uses link format 2; this page reads up to 1\. Reload the page to get the latest version\.$/],
    // Random bytes: their first is no format that will ever exist (186), so they are damage.
    ['random', async () => 'ugECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8', /^This link is damaged and cannot be opened\. What is wrong: the link is corrupted \(format 186 does not exist\)$/],
  ];

  for (const [kind, make, expected] of BAD) {
    test(`a ${kind} link shows what is wrong and a way back; the page stays usable`, async () => {
      const code = await make();
      const { page, problems } = await openPage(browser, `${server.origin}/#s=${code}`);
      const box = page.locator('#link-problem');
      await box.waitFor();
      assert.equal(await box.getAttribute('role'), 'alert');
      assert.match(await page.locator('#link-problem-text').textContent(), expected);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      // Usable: the default scenario is there and plays.
      assert.equal(await page.locator('#scenario-title').textContent(), 'Basic Paxos: one proposer, no trouble');
      await page.click('#forward');
      await waitForStep(page, 1);
      // The way back: the default scenario, and a clean address.
      await page.click('#link-problem-default');
      await box.waitFor({ state: 'hidden' });
      await waitForStep(page, 0);
      assert.equal(await page.evaluate(() => location.hash), '');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'play');
      assert.deepEqual(problems, []);
    });
  }

  test('a link (or an embed\'s preset) is the first scenario drawn; the default only when it cannot be opened', async () => {
    // Every title the scenario card is given, in order (the same one twice counts once),
    // after the one the HTML carries.
    const titles = (page) => page.addInitScript(() => {
      window.__titles = [];
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.target.id !== 'scenario-title') continue;
          for (const node of record.addedNodes) {
            if (node.textContent !== 'Paxos Playground' && window.__titles.at(-1) !== node.textContent) window.__titles.push(node.textContent);
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const opened = async (path) => {
      const { page, problems, requests } = await openPage(browser, `${server.origin}${path}`, { beforeLoad: titles });
      const shown = await page.evaluate(() => window.__titles);
      await page.close();
      return { shown, problems, requests };
    };
    const plain = await opened('/');
    const defaultTitle = plain.shown.at(-1);
    assert.ok(defaultTitle, 'the default scenario has a title');
    const link = await opened(`/#s=${await codeFor('seed-5', { step: 3 })}`);
    assert.deepEqual(link.shown, ['Two phases: conflicts in both, one value chosen'], 'only the link\'s scenario, never the default first');
    const embed = await opened('/?embed=1&preset=seed-5&view=spacetime');
    assert.deepEqual(embed.shown, ['Two phases: conflicts in both, one value chosen']);
    // An embed's link to the diagram alone (the diagram's view exists before the link opens).
    const diagram = await opened(`/?embed=1#s=${await codeFor('seed-5', { view: 2 })}`);
    assert.deepEqual(diagram.shown, ['Two phases: conflicts in both, one value chosen']);
    for (const result of [link, embed, diagram]) {
      assert.ok(!result.requests.some((url) => url.includes('/multi/')), 'a Basic Paxos link opens at once (the Multi-Paxos module is a broken link\'s second try)');
    }
    // What cannot be opened: the default, and why.
    const broken = await opened('/#s=Ag');
    assert.deepEqual(broken.shown, [defaultTitle]);
    const unknown = await opened('/?embed=1&preset=no-such-preset');
    assert.deepEqual(unknown.shown, [defaultTitle]);
    for (const result of [plain, link, embed, diagram, broken, unknown]) assert.deepEqual(result.problems, []);
  });

  test('a bad link pasted into the same tab loses nothing: the run stays where it was', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'seed-3');
    await page.locator('#scrubber').fill('4');
    await waitForStep(page, 4);
    await page.click('#servers [data-command="crash S4"]');
    const shown = await fingerprint(page);
    await page.evaluate(() => { location.hash = 's=Ag'; });
    await page.locator('#link-problem').waitFor();
    assert.match(await page.locator('#link-problem-text').textContent(), /newer version/);
    assert.deepEqual(await fingerprint(page), shown);
    await page.click('#link-problem-close');
    await page.locator('#link-problem').waitFor({ state: 'hidden' });
    assert.deepEqual(await fingerprint(page), shown);
    // The message follows the language.
    await page.evaluate(() => { location.hash = 's=AQ'; });
    await page.locator('#link-problem').waitFor();
    await page.click('#language');
    await page.locator('html[lang="zh-CN"]').waitFor();
    assert.equal(await page.locator('#link-problem-text').textContent(), '此链接不完整：可能在复制或发送时被截断了。');
    assert.deepEqual(problems, []);
  });

  test('text from a link is only text: a title carrying HTML and script runs nothing', async () => {
    const payload = '<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>';
    const code = await codeFor(`title ${payload}\nnodes 3\nnetwork manual\npropose S1 X\n`, { step: 1 });
    for (const query of ['', '?embed=1&interactive=1']) {
      const { page, problems } = await openPage(browser, `${server.origin}/${query}#s=${code}`);
      assert.equal(await page.locator('#scenario-title').textContent(), payload);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('img, main script').count(), 0);
      if (!query) {
        await openShare(page);
        const snippet = await page.inputValue('#embed-code');
        assert.ok(snippet.includes('title="Paxos Playground: &lt;img src=x onerror=window.__pwned=1&gt;&lt;script&gt;'), snippet);
        assert.doesNotMatch(snippet, /<img|<script>window/);
      }
      assert.deepEqual(problems, []);
    }
  });

  test('Copy link uses the clipboard', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await page.click('#forward');
    await openShare(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-link');
    await page.keyboard.press('Enter');
    await page.locator('#share-link-status', { hasText: 'Copied to the clipboard.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue('#share-link'));
    await page.click('#embed-autoplay');
    await page.click('#copy-embed');
    await page.locator('#share-embed-status', { hasText: 'Copied' }).waitFor();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(snippet, /^<iframe class="paxos-playground" src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;autoplay=1#s=/);
    await context.close();
  });

  const WITHOUT_CLIPBOARD = {
    'no Clipboard API (an insecure context)': () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
    'a denied permission': () => {
      Clipboard.prototype.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    },
  };
  for (const [why, script] of Object.entries(WITHOUT_CLIPBOARD)) {
    test(`without the clipboard (${why}) the text is selected for the keyboard`, async () => {
      const { page, problems } = await openPage(browser, `${server.origin}/`, { beforeLoad: (p) => p.addInitScript(script) });
      await openShare(page);
      await page.click('#copy-link');
      await page.locator('#share-link-status', { hasText: 'press Ctrl+C' }).waitFor();
      const selection = await page.evaluate(() => {
        const field = document.activeElement;
        return { id: field.id, start: field.selectionStart, end: field.selectionEnd, length: field.value.length };
      });
      assert.deepEqual(selection, { id: 'share-link', start: 0, end: selection.length, length: selection.length });
      await page.click('#copy-embed');
      await page.locator('#share-embed-status', { hasText: 'press Ctrl+C' }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'embed-code');
      assert.deepEqual(problems, []);
    });
  }

  test('the links the page makes: every preset under 300 characters, a 200-intervention run under 2,000', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    const w = await wasm();
    const lengths = {};
    for (const { id } of w.presets()) {
      await loadPreset(page, id);
      await page.click('#to-end');
      const link = await sharedLink(page);
      lengths[id] = link.length;
      assert.ok(link.length < 300, `${id}: ${link.length} characters`);
    }
    // A manual run with 200 interventions, made by the core, opened and shared again.
    const run = new w.Playground('protocol basic-paxos\nnodes 5\nnetwork manual\nretry on\nattempts 64\n');
    for (let i = 0; run.steps() < 200; i += 1) {
      const flying = run.snapshot().in_flight;
      if (flying.length === 0 || i % 17 === 0) run.intervene(`propose S${1 + (i % 5)} V${i % 100}`);
      else run.intervene(`${i % 7 === 0 ? 'drop' : 'deliver'} #${flying[(i * 7) % flying.length].id}`);
    }
    const code = run.link(200, 0, 0);
    const opened = await openPage(browser, `${server.origin}/#s=${code}`);
    assert.equal((await fingerprint(opened.page)).position, 'Step 200 / 200');
    const link = await sharedLink(opened.page);
    assert.equal(link, `${server.origin}/#s=${code}`, 'the page writes back the very same link');
    lengths['200 interventions'] = link.length;
    assert.ok(link.length < 2000, `${link.length} characters`);
    console.log(`links as the page makes them (${server.origin}/#s=...): ${JSON.stringify(lengths)}`);
    assert.deepEqual([...problems, ...opened.problems], []);
  });
});
