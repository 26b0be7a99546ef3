// Readable names for the profiler's frames in dist/web/app.js, which esbuild and terser
// minify: the same bundle is built again with a source map (scripts/build.sh's commands plus
// their source-map options) into target/bench/sourcemap/, and used only if its code is
// byte-for-byte dist's. A frame at line:column of the bundle becomes "name (web/file.js:line)".
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../tests/e2e/harness.mjs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(text) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    let digit = B64.indexOf(char);
    const more = digit & 32;
    digit &= 31;
    value += digit << shift;
    if (more) shift += 5;
    else {
      out.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** [generated line, generated column, source index, source line, source column, name] rows. */
function segments(map) {
  const rows = [];
  let source = 0;
  let line = 0;
  let column = 0;
  let name = 0;
  map.mappings.split(';').forEach((text, generatedLine) => {
    let generatedColumn = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      generatedColumn += fields[0];
      if (fields.length < 4) continue;
      source += fields[1];
      line += fields[2];
      column += fields[3];
      if (fields.length > 4) name += fields[4];
      rows.push([generatedLine, generatedColumn, source, line, column, fields.length > 4 ? map.names[name] : null]);
    }
  });
  return rows;
}

const identity = (frame) => frame;

/** A function mapping a profiler call frame of SITE's web/app.js to its source; else as is. */
export function sourceMapper(site) {
  const bundle = join(site, 'web/app.js');
  if (resolve(site) !== resolve(ROOT, 'dist') || !existsSync(bundle)) return identity;
  const out = join(ROOT, 'target/bench/sourcemap/web/app.js');
  mkdirSync(join(ROOT, 'target/bench/sourcemap/web'), { recursive: true });
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), ['web/app.js', '--bundle', '--minify', '--format=esm', `--outfile=${out}`,
      '--external:./pkg/*', '--sourcemap', '--allow-overwrite', '--log-level=warning'], { cwd: ROOT });
    // Then terser, as the build does, carrying esbuild's map through.
    execFileSync(join(ROOT, 'node_modules/.bin/terser'), [out, '--module', '--compress', 'passes=2', '--mangle',
      '--source-map', `content='${out}.map'`, '--output', out], { cwd: ROOT });
  } catch {
    return identity;
  }
  const code = readFileSync(out, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  if (code !== readFileSync(bundle, 'utf8')) return identity; // dist/ was built from other sources
  const map = JSON.parse(readFileSync(`${out}.map`, 'utf8'));
  const rows = segments(map);
  const sources = map.sources.map((s) => resolve(join(ROOT, 'target/bench/sourcemap/web'), s));
  const texts = new Map();
  const lineOf = (index, line) => {
    if (!texts.has(index)) texts.set(index, existsSync(sources[index]) ? readFileSync(sources[index], 'utf8').split('\n') : []);
    return texts.get(index)[line] ?? '';
  };
  return (frame) => {
    if (!frame.url?.endsWith('/web/app.js') || frame.lineNumber < 0) return frame;
    let best = null;
    for (const row of rows) {
      if (row[0] > frame.lineNumber || (row[0] === frame.lineNumber && row[1] > frame.columnNumber)) break;
      best = row;
    }
    if (!best) return frame;
    const [, , source, line, column, name] = best;
    const text = lineOf(source, line).slice(column);
    const declared = /^(?:async\s+)?(?:function\s*\*?\s*)?(?:static\s+)?(?:get\s+|set\s+)?([A-Za-z_$][\w$]*)\s*\(/.exec(text)?.[1];
    const path = sources[source].slice(resolve(ROOT).length + 1);
    return {
      ...frame,
      functionName: name ?? declared ?? (frame.functionName ? `(${frame.functionName})` : '(anonymous)'),
      url: `${new URL(frame.url).origin}/${path}`,
      lineNumber: line,
      columnNumber: column,
    };
  };
}
