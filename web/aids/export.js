// Export and import, the pure parts: which text each export is (the core writes all three),
// where a script error points (the facts of the core's error), and copying to the
// clipboard with an honest answer when the browser refuses.
import { refusalText, syntaxText } from '../problems.js';

/** The exports: the script comes from the page's module; the others from the aids' module. */
export const EXPORTS = Object.freeze({ script: 'script', mermaid: 'mermaid', rust: 'rustTest' });

/**
 * The text of export `kind` for a Playground. `aids()` resolves with the aids' wasm module
 * (web/aids/module.js), which writes the Mermaid diagram and the Rust test from the script.
 */
export async function exportText(pg, kind, aids) {
  const method = EXPORTS[kind];
  if (!method) throw new Error(`no export ${kind}`);
  if (kind === 'script') return pg.script();
  return (await aids())[method](pg.script());
}

/** `{line, column}` of a script error the core threw (its `problem` facts), or null. */
export function errorPosition(error) {
  const problem = error?.problem;
  return problem?.kind === 'script' ? { line: problem.line, column: problem.column } : null;
}

/**
 * What is wrong with an imported script, in the language of `t`: "line 3, column 9: ...",
 * a run-time refusal worded from its facts (a syntax error's detail is the core's English).
 */
export function errorText(error, t) {
  const problem = error?.problem;
  if (problem?.kind !== 'script') return error instanceof Error ? error.message : String(error);
  const reason = problem.refusal ? refusalText(problem.refusal, t) : syntaxText(problem, t);
  return t('import.at', { line: problem.line, column: problem.column, reason });
}

/**
 * The character offset of (line, column), both counted from 1, in `text`; clamped to the
 * text, so a caret can be put there even if the position is past the end of its line.
 */
export function offsetAt(text, line, column) {
  const lines = String(text).split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let offset = 0;
  for (let i = 0; i < index; i += 1) offset += lines[i].length + 1;
  return offset + Math.min(Math.max(column, 1) - 1, lines[index].length);
}

/**
 * Copies `text` with the Clipboard API when there is one and it agrees; resolves 'copied',
 * or 'fallback' when the page must offer the text to copy by hand (no API, no permission,
 * not a secure context).
 */
export async function copyText(clipboard, text) {
  if (!clipboard || typeof clipboard.writeText !== 'function') return 'fallback';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'fallback';
  }
}
