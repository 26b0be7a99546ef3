import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partitionCommand, proposeCommand, suggestedValue } from '../../web/commands.js';
import { actionForKey, SHORTCUTS } from '../../web/controls/keyboard.js';

test('a proposal needs a value of 1 to 8 letters, digits or _', () => {
  assert.deepEqual(proposeCommand(1, 'X'), { command: 'propose S1 X' });
  assert.deepEqual(proposeCommand(5, ' Y_2 '), { command: 'propose S5 Y_2' });
  assert.deepEqual(proposeCommand(1, ''), { error: 'problem.badValue' });
  assert.deepEqual(proposeCommand(1, 'TOOLONGVALUE'), { error: 'problem.badValue' });
  assert.deepEqual(proposeCommand(1, 'a b'), { error: 'problem.badValue' });
  assert.deepEqual(proposeCommand(1, '<b>'), { error: 'problem.badValue' });
  assert.equal(suggestedValue(1), 'X');
  assert.equal(suggestedValue(5), 'Y');
  assert.equal(suggestedValue(3), 'Z');
  assert.equal(suggestedValue(9), 'V9');
});

test('a partition lists its groups by lowest server, as the core does, and needs two groups', () => {
  assert.deepEqual(partitionCommand({ 1: 'A', 2: 'A', 3: 'B', 4: 'B', 5: 'B' }), { command: 'partition S1 S2 | S3 S4 S5' });
  assert.deepEqual(partitionCommand({ 1: 'B', 2: 'A', 3: 'C', 4: 'A', 5: 'B' }), { command: 'partition S1 S5 | S2 S4 | S3' });
  assert.deepEqual(partitionCommand({ 1: 'A', 2: 'A', 3: 'A' }), { error: 'problem.oneGroup' });
});

test('shortcut keys map to actions, except while typing or with modifiers', () => {
  assert.equal(actionForKey({ key: ' ' }), 'toggle');
  assert.equal(actionForKey({ key: 'ArrowRight' }), 'forward');
  assert.equal(actionForKey({ key: 'ArrowLeft' }), 'back');
  assert.equal(actionForKey({ key: 'Home' }), 'start');
  assert.equal(actionForKey({ key: 'End' }), 'end');
  assert.equal(actionForKey({ key: '?' }), 'help');
  assert.equal(actionForKey({ key: 'd' }), 'deliver');
  assert.equal(actionForKey({ key: 'q' }), null);
  assert.equal(actionForKey({ key: 'k', targetTag: 'input' }), null);
  assert.equal(actionForKey({ key: 'ArrowRight', targetTag: 'SELECT' }), null);
  assert.equal(actionForKey({ key: 'r', ctrlKey: true }), null);
  assert.equal(actionForKey({ key: ' ', targetTag: 'BUTTON' }), null, 'Space presses the focused button');
  assert.equal(actionForKey({ key: ' ', targetTag: 'g', targetRole: 'button' }), null);
  assert.equal(actionForKey({ key: 'k', targetTag: 'BUTTON' }), 'toggle');
  assert.equal(actionForKey({ key: 'ArrowRight', inDialog: true }), null);
  assert.equal(actionForKey({ key: 'End', inList: true }), null);
});

test('Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo, except while typing', () => {
  assert.equal(actionForKey({ key: 'z', ctrlKey: true }), 'undo');
  assert.equal(actionForKey({ key: 'z', metaKey: true }), 'undo');
  assert.equal(actionForKey({ key: 'Z', ctrlKey: true, shiftKey: true }), 'redo');
  assert.equal(actionForKey({ key: 'Z', metaKey: true, shiftKey: true }), 'redo');
  assert.equal(actionForKey({ key: 'y', ctrlKey: true }), 'redo');
  assert.equal(actionForKey({ key: 'z' }), null);
  assert.equal(actionForKey({ key: 'z', ctrlKey: true, altKey: true }), null);
  assert.equal(actionForKey({ key: 'z', ctrlKey: true, targetTag: 'INPUT' }), null);
  assert.equal(actionForKey({ key: 'z', ctrlKey: true, targetTag: 'textarea' }), null);
  assert.equal(actionForKey({ key: 'y', ctrlKey: true, targetTag: 'TEXTAREA' }), null);
  assert.equal(actionForKey({ key: 'z', ctrlKey: true, inDialog: true }), null);
  assert.equal(actionForKey({ key: 'z', ctrlKey: true, targetTag: 'BUTTON' }), 'undo');
});

test('the help lists every action the keys can do', () => {
  const listed = new Set(SHORTCUTS.map((s) => s.action));
  for (const event of [{ key: 'z', ctrlKey: true }, { key: 'Z', ctrlKey: true, shiftKey: true }, { key: 'y', ctrlKey: true }]) {
    assert.ok(listed.has(actionForKey(event)), `help misses ${JSON.stringify(event)}`);
  }
  for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End', '+', 'd', 'x', 'c', 'Escape', 'r', 'p', 's', 'g', '?']) {
    assert.ok(listed.has(actionForKey({ key })), `help misses ${key}`);
  }
});
