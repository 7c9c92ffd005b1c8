// Minifies the web app's JavaScript and stylesheet in dist/ after trunk (issue 6: every byte of a first
// visit counts): wasm-bindgen's bindings module and static/page.js with terser (trunk's own JS
// minifier fails on the bindings; their exports keep their names, the widget imports them), and the
// stylesheet by `squeezeCss` below. Both are loaded with Subresource Integrity, so index.html gets
// their new hashes; page.js is then named by its content's hash and given its integrity.
// Usage: node xtask/minify.mjs <dist>
import { minify } from 'terser';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, renameSync } from 'node:fs';
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

// Whitespace and comments out of CSS, strings left as written. Only what is safe without a parser:
// runs of whitespace become one space (a space can be a descendant combinator, or separate the terms
// of `calc()`), then no space around `{ } ; ,` nor after a `:` (in a selector a pseudo-class's `:`
// is never followed by a space), and no `;` before `}`.
function squeezeCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, i) => (i % 2 === 1 ? part : part
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')))
    .join('')
    .trim();
}

const code = await squeeze(bindings, true);
// The page's own script (static/page.js), loaded by <head> before the page paints: under a name
// with its content's hash (cached for a year, like trunk's files) and with its integrity.
const pageJs = await squeeze('page.js', false);
const pageName = `page-${createHash('sha256').update(pageJs).digest('hex').slice(0, 16)}.js`;
renameSync(join(dist, 'page.js'), join(dist, pageName));
const stylesheet = names.find((n) => /^app-[0-9a-f]+\.css$/.test(n));
if (!stylesheet) throw new Error(`${dist}: no stylesheet app-*.css`);
const cssSource = readFileSync(join(dist, stylesheet), 'utf8');
const css = squeezeCss(cssSource);
writeFileSync(join(dist, stylesheet), css);
console.log(`minify: ${stylesheet} ${cssSource.length} -> ${css.length} bytes`);

const index = join(dist, 'index.html');
let html = readFileSync(index, 'utf8');
for (const [name, content] of [[bindings, code], [stylesheet, css]]) {
  const integrity = `sha384-${createHash('sha384').update(content).digest('base64')}`;
  const tag = new RegExp(`(<link[^>]*href="/${name.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`);
  if (!tag.test(html)) throw new Error(`${index}: no link to ${name} with integrity`);
  html = html.replace(tag, `$1${integrity}$2`);
}
const pageTag = '<script src="/page.js"></script>';
if (!html.includes(pageTag)) throw new Error(`${index}: no ${pageTag}`);
html = html.replace(pageTag, `<script src="/${pageName}" integrity="sha384-${createHash('sha384').update(pageJs).digest('base64')}"></script>`);
writeFileSync(index, html);
