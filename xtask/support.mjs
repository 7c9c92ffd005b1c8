// The support matrix (issue 17): the oldest version of each browser that can run the built app and
// widget, derived from what dist/ actually uses, with MDN's browser-compat-data (npm
// @mdn/browser-compat-data, pinned in package.json):
//   - the WebAssembly features of the wasm (given by xtask, which validates the wasm against exactly
//     that set: xtask/src/engines.rs WASM_FEATURES);
//   - the JavaScript syntax of the modules a page loads (the app's loader, wasm-bindgen's bindings, the
//     widget's module), read with acorn, and the few platform features they cannot start without
//     (custom elements, shadow DOM…), where a module names them outside a `typeof` guard;
//   - under the strict Content-Security-Policy the project serves (deploy/nginx.conf), support for
//     'wasm-unsafe-eval'.
// Also checks that static/page.js (the page's own script, which also says when the app cannot start:
// what a browser below the matrix runs) is plain ES5.
//
// Usage: node xtask/support.mjs <dist> --wasm f1,f2,… [--write]
// Checks that README.md and docs/widget.md hold the matrix between their `support-matrix` markers;
// --write rewrites it there instead.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';

const require = createRequire(import.meta.url);
const bcd = require('@mdn/browser-compat-data');
const bcdVersion = bcd.__meta.version;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = ['README.md', 'docs/widget.md'];
const BEGIN = '<!-- support-matrix: written by `cargo xtask support --write`, checked by `cargo xtask test` -->';
const END = '<!-- /support-matrix -->';

const args = process.argv.slice(2);
const dist = args[0];
const wasm = (args[args.indexOf('--wasm') + 1] ?? '').split(',').filter(Boolean);
const write = args.includes('--write');

// The browsers of the matrix: BCD's names, and ours.
const BROWSERS = [
  ['chrome', 'Chrome'],
  ['edge', 'Edge'],
  ['firefox', 'Firefox'],
  ['safari', 'Safari (macOS)'],
  ['safari_ios', 'Safari on iOS / iPadOS (every iOS browser is WebKit)'],
  ['chrome_android', 'Chrome for Android'],
  ['firefox_android', 'Firefox for Android'],
  ['samsunginternet_android', 'Samsung Internet'],
  ['opera', 'Opera'],
];

// Our names of the wasm features (xtask/src/engines.rs) in BCD.
const WASM = {
  mvp: ['webassembly.api', 'WebAssembly'],
  'mutable-globals': ['webassembly.api.Global', 'mutable globals'],
  'sign-extension': ['webassembly.sign-extension-operations', 'sign-extension operators'],
  'non-trapping-float-to-int': ['webassembly.non-trapping-float-to-int-conversions', 'non-trapping float-to-int'],
  'multi-value': ['webassembly.multi-value', 'multi-value'],
  'bulk-memory': ['webassembly.bulk-memory-operations', 'bulk memory'],
  'reference-types': ['webassembly.reference-types', 'reference types'],
  simd: ['webassembly.fixed-width-SIMD', 'SIMD'],
  'relaxed-simd': ['webassembly.relaxed-SIMD', 'relaxed SIMD'],
  threads: ['webassembly.threads-and-atomics', 'threads'],
  'tail-call': ['webassembly.tail-calls', 'tail calls'],
  'legacy-exceptions': ['webassembly.exception-handling', 'exception handling (legacy)'],
  exceptions: ['webassembly.exceptionsFinal', 'exception handling (exnref)'],
  'extended-const': ['webassembly.extended-constant-expressions', 'extended constant expressions'],
  'function-references': ['webassembly.typedFunctionReferences', 'typed function references'],
  gc: ['webassembly.garbage-collection', 'garbage collection'],
  'multi-memory': ['webassembly.multiMemory', 'multiple memories'],
  memory64: ['webassembly.memory64', 'memory64'],
  'wide-arithmetic': ['webassembly.wideArithmetic', 'wide arithmetic'],
  'bigint-i64': ['webassembly.BigInt-to-i64-integration', 'i64 as BigInt'],
};

// Partial implementations that do not matter to these files, each with why. Any other partial
// implementation counts as no support.
const PARTIAL_OK = {
  'javascript.operators.await.top_level': 'WebKit bug 242740 (several modules importing one that awaits at top level) cannot happen: the module that awaits at top level, the app\'s loader, is imported by no module',
};

const CSP = 'http.headers.Content-Security-Policy.script-src.wasm-unsafe-eval';

function compat(key) {
  const c = key.split('.').reduce((o, p) => o?.[p], bcd)?.__compat;
  if (!c) throw new Error(`browser-compat-data ${bcdVersion} has no ${key}`);
  return c;
}

const parts = (v) => v.replace(/^≤/, '').split('.').map(Number);
function cmp(a, b) {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** The version from which `browser` supports `key` without a break to today, or null (not supported). */
function since(key, browser) {
  const statements = [].concat(compat(key).support[browser] ?? [])
    .filter((s) => !s.flags && !s.prefix && !s.alternative_name && typeof s.version_added === 'string' && s.version_added !== 'preview')
    .filter((s) => !s.partial_implementation || key in PARTIAL_OK);
  const current = statements.find((s) => !s.version_removed);
  if (!current) return null;
  let from = current.version_added;
  for (let moved = true; moved;) {
    moved = false;
    for (const s of statements) {
      if (s.version_removed && cmp(s.version_removed, from) === 0 && cmp(s.version_added, from) < 0) {
        from = s.version_added;
        moved = true;
      }
    }
  }
  return from;
}

// --- What the JavaScript uses ------------------------------------------------------------------

/** Syntax: each node kind that needs a browser feature, as the BCD key of that feature. */
function syntaxOf(node, parent, ctx, out) {
  const add = (key) => out.add(key);
  switch (node.type) {
    case 'ImportDeclaration': add('javascript.statements.import'); break;
    case 'ExportNamedDeclaration': case 'ExportDefaultDeclaration': case 'ExportAllDeclaration': add('javascript.statements.export'); break;
    case 'ImportExpression': add('javascript.operators.import'); break;
    case 'MetaProperty': if (node.meta.name === 'import') add('javascript.operators.import_meta'); else add('javascript.operators.new_target'); break;
    case 'AwaitExpression': add('javascript.operators.await'); if (ctx.functions === 0) add('javascript.operators.await.top_level'); break;
    case 'ForOfStatement':
      add('javascript.statements.for_of');
      if (node.await) { add('javascript.statements.for_await_of'); if (ctx.functions === 0) add('javascript.operators.await.top_level'); }
      break;
    case 'ArrowFunctionExpression': add('javascript.functions.arrow_functions'); if (node.async) add('javascript.operators.async_function'); break;
    case 'FunctionDeclaration': case 'FunctionExpression':
      if (node.async && node.generator) add('javascript.statements.async_generator_function');
      else if (node.async) add(node.type === 'FunctionDeclaration' ? 'javascript.statements.async_function' : 'javascript.operators.async_function');
      else if (node.generator) add('javascript.statements.generator_function');
      break;
    case 'ClassDeclaration': case 'ClassExpression': add('javascript.classes'); break;
    case 'PropertyDefinition':
      add(node.key.type === 'PrivateIdentifier' ? 'javascript.classes.private_class_fields' : 'javascript.classes.public_class_fields');
      if (node.static) add('javascript.classes.static.class_fields');
      break;
    case 'MethodDefinition':
      if (node.key.type === 'PrivateIdentifier') add('javascript.classes.private_class_methods');
      if (node.static) add('javascript.classes.static');
      break;
    case 'StaticBlock': add('javascript.classes.static.initialization_blocks'); break;
    case 'ChainExpression': add('javascript.operators.optional_chaining'); break;
    case 'LogicalExpression': if (node.operator === '??') add('javascript.operators.nullish_coalescing'); break;
    case 'BinaryExpression':
      if (node.operator === '**') add('javascript.operators.exponentiation');
      if (node.left.type === 'PrivateIdentifier') add('javascript.classes.private_class_fields_in');
      break;
    case 'AssignmentExpression': {
      const op = { '??=': 'nullish_coalescing_assignment', '||=': 'logical_or_assignment', '&&=': 'logical_and_assignment', '**=': 'exponentiation_assignment' }[node.operator];
      if (op) add(`javascript.operators.${op}`);
      break;
    }
    case 'TemplateLiteral': add('javascript.grammar.template_literals'); break;
    case 'VariableDeclaration': if (node.kind !== 'var') add(`javascript.statements.${node.kind}`); break;
    case 'ObjectPattern': case 'ArrayPattern': add('javascript.operators.destructuring'); break;
    case 'SpreadElement':
      add(parent.type === 'ObjectExpression' ? 'javascript.operators.spread.spread_in_object_literals'
        : parent.type === 'ArrayExpression' ? 'javascript.operators.spread.spread_in_arrays' : 'javascript.operators.spread.spread_in_function_calls');
      break;
    case 'RestElement': add(parent.type === 'ObjectPattern' ? 'javascript.operators.destructuring.rest_in_objects' : 'javascript.functions.rest_parameters'); break;
    case 'AssignmentPattern': if (ctx.params) add('javascript.functions.default_parameters'); break;
    case 'Property':
      if (node.computed) add('javascript.operators.object_initializer.computed_property_names');
      if (node.shorthand && parent.type === 'ObjectExpression') add('javascript.operators.object_initializer.shorthand_property_names');
      if (node.method) add('javascript.operators.object_initializer.shorthand_method_names');
      break;
    case 'CatchClause': if (!node.param) add('javascript.statements.try_catch.optional_catch_binding'); break;
    case 'Literal':
      if (typeof node.bigint === 'string') add('javascript.builtins.BigInt');
      if (typeof node.raw === 'string' && /^[0-9][0-9a-fA-FxXoObB_.eEn]*$/.test(node.raw) && node.raw.includes('_')) add('javascript.grammar.numeric_separators');
      if (node.regex) {
        const flags = { s: 'RegExp.dotAll', y: 'RegExp.sticky', u: 'RegExp.unicode', d: 'RegExp.hasIndices', v: 'RegExp.unicodeSets' };
        for (const f of node.regex.flags) if (flags[f]) add(`javascript.builtins.${flags[f]}`);
        if (/\(\?<[A-Za-z_$]/.test(node.regex.pattern)) add('javascript.regular_expressions.named_capturing_group');
        if (/\(\?<[=!]/.test(node.regex.pattern)) add('javascript.regular_expressions.lookbehind_assertion');
      }
      break;
    default:
  }
}

// Platform features the modules cannot start without, by the name they use; not when guarded by
// `typeof NAME` (the bindings' FinalizationRegistry is optional, for example).
const PLATFORM = {
  customElements: 'api.Window.customElements',
  attachShadow: 'api.Element.attachShadow',
  replaceChildren: 'api.Element.replaceChildren',
  FinalizationRegistry: 'javascript.builtins.FinalizationRegistry',
  WeakRef: 'javascript.builtins.WeakRef',
  replaceAll: 'javascript.builtins.String.replaceAll',
  queueMicrotask: 'api.queueMicrotask',
  structuredClone: 'api.structuredClone',
  globalThis: 'javascript.builtins.globalThis',
  fromEntries: 'javascript.builtins.Object.fromEntries',
  allSettled: 'javascript.builtins.Promise.allSettled',
  flatMap: 'javascript.builtins.Array.flatMap',
  TextDecoder: 'api.TextDecoder',
  TextEncoder: 'api.TextEncoder',
  encodeInto: 'api.TextEncoder.encodeInto',
};

/** `typeof NAME` / `typeof a.NAME` names in a test expression. */
function guardedNames(test) {
  const names = new Set();
  walk(test, null, (n) => {
    if (n.type === 'UnaryExpression' && n.operator === 'typeof') {
      const a = n.argument;
      if (a.type === 'Identifier') names.add(a.name);
      if (a.type === 'MemberExpression' && !a.computed) names.add(a.property.name);
    }
  });
  return names;
}

function walk(node, parent, visit, ctx = { functions: 0, params: false, guarded: new Set() }) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parent, ctx);
  let inner = ctx;
  if (/Function/.test(node.type) || node.type === 'PropertyDefinition' || node.type === 'StaticBlock') inner = { ...ctx, functions: ctx.functions + 1 };
  if ((node.type === 'IfStatement' || node.type === 'ConditionalExpression') && node.test) {
    const g = guardedNames(node.test);
    if (g.size) inner = { ...inner, guarded: new Set([...inner.guarded, ...g]) };
  }
  for (const [k, v] of Object.entries(node)) {
    const c = k === 'params' ? { ...inner, params: true } : inner.params ? { ...inner, params: false } : inner;
    if (Array.isArray(v)) for (const x of v) walk(x, node, visit, c);
    else if (v && typeof v === 'object' && typeof v.type === 'string') walk(v, node, visit, c);
  }
}

function jsFeatures(file, sourceType) {
  const source = fs.readFileSync(path.join(dist, file), 'utf8');
  const ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType });
  const out = new Set();
  if (sourceType === 'module') out.add('html.elements.script.type.module');
  walk(ast, null, (n, parent, ctx) => {
    syntaxOf(n, parent, ctx, out);
    const name = n.type === 'Identifier' ? n.name : n.type === 'MemberExpression' && !n.computed ? n.property.name : null;
    if (name && Object.hasOwn(PLATFORM, name) && !ctx.guarded.has(name) && !(parent?.type === 'UnaryExpression' && parent.operator === 'typeof')
      && !(n.type === 'Identifier' && parent?.type === 'MemberExpression' && parent.property === n)
      && !(parent?.type === 'Property' && parent.key === n)) {
      out.add(PLATFORM[name]);
    }
  });
  return out;
}

// --- The matrix --------------------------------------------------------------------------------

const names = fs.readdirSync(dist);
const one = (re, what) => {
  const f = names.find((n) => re.test(n));
  if (!f) throw new Error(`${dist}: no ${what}`);
  return f;
};
const FILES = {
  loader: one(/^boot-[0-9a-f]+\.js$/, "the app's loader boot-*.js"),
  bindings: one(/^phc-app-[0-9a-f]+\.js$/, 'the bindings phc-app-*.js'),
  widget: one(/^phc-widget\.js$/, "the widget's module"),
};

// What a browser below the matrix runs must parse as ES5, as a classic script: the page's own script,
// which says that the app could not start.
// It is inline in the page's <head> (xtask/minify.mjs).
const pageScript = /<script>([\s\S]*?)<\/script>/.exec(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1];
if (!pageScript) throw new Error(`${dist}/index.html: no inline page script`);
try {
  acorn.parse(pageScript, { ecmaVersion: 5, sourceType: 'script' });
} catch (e) {
  throw new Error(`the page's inline script (static/page.js) is not ES5 (${e.message}): a browser too old for the app must still run it`);
}

const needs = new Map(); // BCD key -> [why]
const need = (key, why) => needs.set(key, [...(needs.get(key) ?? []), why]);
for (const f of ['mvp', ...wasm]) {
  if (!WASM[f]) throw new Error(`unknown wasm feature ${f}: add it to WASM in xtask/support.mjs`);
  need(WASM[f][0], `wasm: ${WASM[f][1]}`);
}
const syntax = {};
for (const [role, file] of Object.entries(FILES)) {
  syntax[role] = jsFeatures(file, 'module');
  for (const key of syntax[role]) need(key, `${role} (${file.replace(/-[0-9a-f]{8,}/, '-…')})`);
}

/** The oldest version of `browser` with every feature of `keys`, and the features that set it. */
function oldest(keys, browser) {
  let best = null;
  for (const key of keys) {
    const v = since(key, browser);
    if (v === null) return { version: null, because: [key] };
    if (!best || cmp(v, best.version) > 0) best = { version: v, because: [key] };
    else if (cmp(v, best.version) === 0) best.because.push(key);
  }
  return best;
}

const LABELS = {
  'html.elements.script.type.module': 'module scripts',
  'javascript.statements.import': 'import', 'javascript.statements.export': 'export',
  'javascript.operators.import': 'dynamic import()', 'javascript.operators.import_meta': 'import.meta',
  'javascript.operators.await': 'await', 'javascript.operators.await.top_level': 'top-level await',
  'javascript.statements.async_function': 'async functions', 'javascript.operators.async_function': 'async function expressions',
  'javascript.functions.arrow_functions': 'arrow functions', 'javascript.classes': 'classes', 'javascript.classes.static': 'static methods',
  'javascript.classes.private_class_fields': 'private fields', 'javascript.classes.private_class_methods': 'private methods',
  'javascript.classes.public_class_fields': 'public fields', 'javascript.operators.optional_chaining': 'optional chaining',
  'javascript.operators.nullish_coalescing': '??', 'javascript.operators.nullish_coalescing_assignment': '??=',
  'javascript.grammar.template_literals': 'template literals', 'javascript.statements.let': 'let', 'javascript.statements.const': 'const',
  'javascript.operators.destructuring': 'destructuring', 'javascript.functions.rest_parameters': 'rest parameters',
  'javascript.functions.default_parameters': 'default parameters', 'javascript.statements.for_of': 'for…of',
  'javascript.operators.spread.spread_in_function_calls': 'spread in calls', 'javascript.operators.spread.spread_in_arrays': 'spread in arrays',
  'javascript.operators.spread.spread_in_object_literals': 'spread in objects',
  'javascript.operators.object_initializer.shorthand_property_names': 'shorthand properties',
  'javascript.operators.object_initializer.shorthand_method_names': 'shorthand methods',
  'javascript.operators.object_initializer.computed_property_names': 'computed properties',
  'api.Window.customElements': 'customElements', 'api.Element.attachShadow': 'attachShadow()',
  'api.Element.replaceChildren': 'replaceChildren()', 'javascript.builtins.String.replaceAll': 'String replaceAll()',
  'api.TextEncoder.encodeInto': 'TextEncoder encodeInto()', [CSP]: "CSP 'wasm-unsafe-eval'",
};
const label = (key) => {
  const w = Object.values(WASM).find(([k]) => k === key);
  if (w) return `wasm ${w[1]}`;
  return LABELS[key] ?? key.replace(/^(javascript|api|html)\.([a-z_]+\.)?/, '').replace(/_/g, ' ');
};

// The app: the page's loader and the bindings; the widget: its module and the bindings; both the wasm.
const wasmKeys = ['mvp', ...wasm].map((f) => {
  if (!WASM[f]) throw new Error(`unknown wasm feature ${f}: add it to WASM in xtask/support.mjs`);
  return WASM[f][0];
});
const TARGETS = {
  app: [...wasmKeys, ...syntax.loader, ...syntax.bindings],
  widget: [...wasmKeys, ...syntax.widget, ...syntax.bindings],
};
const cell = (r) => `${r.version} (${r.because.map(label).join(', ')})`;
const lines = [BEGIN, '',
  "| browser | the app (its page) | the widget (`<phc-eligibility>`) | both, as served under the strict CSP |", '|---|---|---|---|'];
for (const [id, name] of BROWSERS) {
  const r = Object.fromEntries(Object.entries(TARGETS).map(([t, keys]) => [t, oldest(keys, id)]));
  const served = oldest([...new Set([...TARGETS.app, ...TARGETS.widget, CSP])], id);
  for (const x of [...Object.values(r), served]) if (!x.version) throw new Error(`${name}: no support for ${x.because.join(', ')} in browser-compat-data`);
  lines.push(`| ${name} | ${cell(r.app)} | ${cell(r.widget)} | ${cell(served)} |`);
}
const list = (set) => [...new Set([...set].map(label))].sort().join(', ');
lines.push('',
  `WebAssembly beyond 1.0 that the built wasm uses (the test command validates it against exactly this set): ${wasm.filter((f) => f !== 'bigint-i64').map((f) => WASM[f][1]).join(', ')}${wasm.includes('bigint-i64') ? '; i64 values cross to JavaScript as BigInt' : ''}.`,
  `Versions: MDN's browser-compat-data ${bcdVersion}.${Object.keys(PARTIAL_OK).filter((k) => needs.has(k)).map((k) => ` Counted as support though partial: ${label(k)}, since ${PARTIAL_OK[k]}.`).join('')}`,
  '', END);
const block = lines.join('\n');

let stale = [];
for (const doc of DOCS) {
  const file = path.join(ROOT, doc);
  const text = fs.readFileSync(file, 'utf8');
  const [a, b] = [text.indexOf(BEGIN), text.indexOf(END)];
  if (a < 0 || b < a) {
    stale.push(`${doc}: no support-matrix markers (${BEGIN} … ${END})`);
    continue;
  }
  const now = text.slice(a, b + END.length);
  if (now === block) continue;
  if (write) {
    fs.writeFileSync(file, text.slice(0, a) + block + text.slice(b + END.length));
    console.log(`support: ${doc} rewritten`);
  } else {
    stale.push(`${doc}: the support matrix is not what dist/ needs`);
  }
}
console.log(block);
console.log(`\nJavaScript read from dist/: the app's loader: ${list(syntax.loader)}.\nwasm-bindgen's bindings: ${list(syntax.bindings)}.\nThe widget's module: ${list(syntax.widget)}.`);
if (stale.length) {
  console.error(`\n${stale.join('\n')}\nThe matrix above is what the built app needs: \`cargo xtask support --write\` puts it in both files.`);
  process.exit(1);
}
console.log('support: README.md and docs/widget.md say what the built app needs');
