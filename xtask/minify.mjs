// Minifies the web app's JavaScript in dist/ after trunk (issue 6: every byte of a first visit counts):
// wasm-bindgen's bindings module and static/fallback.js. trunk's own JS minifier fails on the
// bindings, so terser does it; the bindings' exports keep their names (the widget imports them).
// The bindings are preloaded with Subresource Integrity, so index.html gets the new hash.
// Usage: node xtask/minify.mjs <dist>
import { minify } from 'terser';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2];
const names = readdirSync(dist);
const bindings = names.find((n) => /^phc-app-[0-9a-f]+\.js$/.test(n));
if (!bindings) throw new Error(`${dist}: no bindings module phc-app-*.js`);

async function squeeze(name, module) {
  const path = join(dist, name);
  const source = readFileSync(path, 'utf8');
  const out = await minify(source, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(path, out.code);
  console.log(`minify: ${name} ${source.length} -> ${out.code.length} bytes`);
  return out.code;
}

const code = await squeeze(bindings, true);
await squeeze('fallback.js', false);

const index = join(dist, 'index.html');
const html = readFileSync(index, 'utf8');
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
const tag = new RegExp(`(<link[^>]*href="/${bindings.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`);
if (!tag.test(html)) throw new Error(`${index}: no preload of ${bindings} with integrity`);
writeFileSync(index, html.replace(tag, `$1${integrity}$2`));
