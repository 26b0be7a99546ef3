// Loading a language on demand, in a process of its own: nothing else here loads one first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLoaded, loadLanguage, translate } from '../../web/i18n.js';

test('a language is loaded on demand; before that a lookup shows the key; an unknown one is refused', async () => {
  assert.equal(isLoaded('zh-CN'), false);
  assert.equal(translate('zh-CN', 'outcome.violated'), 'outcome.violated');
  await assert.rejects(loadLanguage('fr'), /no texts for language "fr"/);
  const [first, second] = await Promise.all([loadLanguage('zh-CN'), loadLanguage('zh-CN')]);
  assert.equal(first, second);
  assert.equal(isLoaded('zh-CN'), true);
  assert.equal(translate('zh-CN', 'outcome.violated'), '违反');
});
