// Minifies the web app's JavaScript and stylesheet in dist/ after trunk (issue 6: every byte of a first
// visit counts): wasm-bindgen's bindings module and static/page.js with terser (trunk's own JS
// minifier fails on the bindings; their exports keep their names, the widget imports them), and the
// stylesheet by `squeezeCss` below. The bindings are preloaded with Subresource Integrity, so
// index.html gets their new hash; page.js and the stylesheet are put inline into index.html.
// Usage: node xtask/minify.mjs <dist>; node xtask/minify.mjs --file <path> [--module]
import { minify } from 'terser';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The JavaScript file at `path` minified in place; its new code. */
async function minifyFile(path, module) {
  const source = readFileSync(path, 'utf8');
  const out = await minify(source, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(path, out.code);
  console.log(`minify: ${path} ${source.length} -> ${out.code.length} bytes`);
  return out.code;
}

// `--file <path> [--module]`: one file written after this step (the widget's module once its
// names are filled in, the service worker once its list of files is), minified in place.
if (process.argv[2] === '--file') {
  await minifyFile(process.argv[3], process.argv[4] === '--module');
  process.exit(0);
}

const dist = process.argv[2];
const names = readdirSync(dist);
const bindings = names.find((n) => /^phc-app-[0-9a-f]+\.js$/.test(n));
if (!bindings) throw new Error(`${dist}: no bindings module phc-app-*.js`);

const squeeze = (name, module) => minifyFile(join(dist, name), module);

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
// The page's own script (static/page.js) and the stylesheet go inline into the page's <head> (issue
// 18): a slow phone paints the prerendered start page when the page itself arrives, not a round trip
// later when two more files have (`cargo xtask loadbench`: 0.96 -> 0.67 of the floor in one run). The
// strict CSP allows exactly these two by their SHA-256 hashes, written to dist/page-csp.conf for
// deploy/nginx.conf. The stylesheet stays a file too: the widget loads it into its shadow root.
const pageJs = await squeeze('page.js', false);
unlinkSync(join(dist, 'page.js'));
const stylesheet = names.find((n) => /^app-[0-9a-f]+\.css$/.test(n));
if (!stylesheet) throw new Error(`${dist}: no stylesheet app-*.css`);
const cssSource = readFileSync(join(dist, stylesheet), 'utf8');
const css = squeezeCss(cssSource);
writeFileSync(join(dist, stylesheet), css);
console.log(`minify: ${stylesheet} ${cssSource.length} -> ${css.length} bytes`);
if (/<\/script/i.test(pageJs) || /<\/style/i.test(css)) throw new Error('page.js or the stylesheet would end its inline element early');

const index = join(dist, 'index.html');
let html = readFileSync(index, 'utf8');
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
const preload = new RegExp(`(<link[^>]*href="/${bindings.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`);
if (!preload.test(html)) throw new Error(`${index}: no link to ${bindings} with integrity`);
html = html.replace(preload, `$1${integrity}$2`);
const pageTag = '<script src="/page.js"></script>';
if (!html.includes(pageTag)) throw new Error(`${index}: no ${pageTag}`);
html = html.replace(pageTag, () => `<script>${pageJs}</script>`);
const styleTag = new RegExp(`<link rel="stylesheet" href="/${stylesheet.replace('.', '\\.')}"[^>]*>`);
if (!styleTag.test(html)) throw new Error(`${index}: no link to ${stylesheet}`);
html = html.replace(styleTag, () => `<style>${css}</style>`);
writeFileSync(index, html);
// nginx includes this file (deploy/nginx.conf): the hashes travel with the build they belong to, and a
// new dist/ needs only a reload of nginx.
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const pages = '"~^/((kk|ru|en)/)?(index\\.html)?$"';
writeFileSync(join(dist, 'page-csp.conf'), `# Written by xtask/minify.mjs for this build of dist/, included by deploy/nginx.conf: the CSP sources
# of the app pages' inline script (static/page.js) and stylesheet. Reload nginx after deploying dist/.
map $uri $phc_page_script {
    default "";
    ${pages} " ${sha256(pageJs)}";
}
map $uri $phc_page_style {
    default "";
    ${pages} " ${sha256(css)}";
}
`);
console.log(`minify: page.js (${pageJs.length} bytes) and ${stylesheet} inline in index.html; their hashes in page-csp.conf`);
