// Citations a citizen can follow (issue 15), end to end: on the result page in Kazakh and in Russian,
// each reason's sources are links whose text is the source's title in that language (the same as
// phc-check's `citations[].text`) to an address in that language, never a file name or an id; the
// interpretation badge leads to the list of sources, which gives every act with its dates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertClean, walk, reference, chooseLanguage } from './lib.mjs';
import { SCENARIOS } from './scenarios.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// An address in the reader's language: gov.kz `?lang=kk`, egov.kz `/cms/kk/`, adilet.zan.kz `/kaz/`.
const ADDRESS_IN = {
  kk: /[?&]lang=kk\b|\/cms\/kk\/|adilet\.zan\.kz\/kaz\//,
  ru: /[?&]lang=ru\b|\/cms\/ru\/|adilet\.zan\.kz\/rus\//,
};
const CYRILLIC = /[\u0400-\u04FF]/;

for (const lang of ['kk', 'ru']) {
  test(`[${lang}] the sources are links titled in ${lang}, to the source in ${lang}; the badge leads to the acts and their dates`, async () => {
    // Free choice in 2026: reasons on gov.kz, the e-Gov passport that disagrees, Order 194/2020 para 25,
    // and a reading of the rules (changes counted per calendar year).
    const s = SCENARIOS.find((x) => x.name === 'attachment: eligible (free choice, citizen)');
    const { context, page, problems } = await openPage(browser);
    await chooseLanguage(page, lang);
    await walk(page, s.answers);
    const ref = reference(s.request, lang);
    const title = new Map(ref.citations.map((c) => [c.id, c.text]));
    assert.ok(ref.citations.every((c) => CYRILLIC.test(c.text)), 'phc-check titles the sources in this language');

    const links = await page.$$eval('.phc-reason .phc-sources a.phc-cite', (as) => as.map((a) => ({
      text: a.textContent.trim(), href: a.getAttribute('href'), lang: a.closest('[lang]')?.getAttribute('lang'),
    })));
    const shown = ref.reasons.filter((r) => !(r.code === 'rules_edition' && r.detail === 'exact'));
    const cited = new Set(shown.flatMap((r) => [...r.sources, ...(r.sources_disagree ?? [])]));
    assert.ok(cited.size >= 4, `the scenario cites several sources: ${[...cited]}`);
    // A source with no known address is its title, not a link (an <a> without href is no link).
    const titles = await page.$$eval('.phc-reason .phc-sources .phc-cite', (cs) => cs.map((c) => c.textContent.trim()));
    for (const id of cited) {
      assert.ok(titles.includes(title.get(id)), `${id} is shown as «${title.get(id)}»: ${JSON.stringify(titles)}`);
      if (ref.citations.find((c) => c.id === id)?.url) assert.ok(links.some((l) => l.text === title.get(id)), `${id} is a link`);
    }
    for (const l of links) {
      assert.ok([...title.values()].includes(l.text), `a link's text is a citation's title: ${l.text}`);
      assert.match(l.text, CYRILLIC, `the title is in ${lang}, not English: ${l.text}`);
      assert.equal(l.lang, lang, 'inside the page in its language');
      assert.ok(l.href, `«${l.text}» is a link`);
      assert.match(l.href, /^https:\/\//);
      assert.match(l.href, ADDRESS_IN[lang], `«${l.text}» links to the source in ${lang}: ${l.href}`);
    }
    // Para 25 of Order ҚР ДСМ-194/2020 by its place in this language, on adilet.
    const p25 = links.find((l) => l.text === title.get('order-194-2020:p25'));
    assert.ok(p25, 'the processing time cites Order 194/2020, para 25');
    assert.match(p25.text, lang === 'ru' ? /п\. 25$/ : /25-тармақ$/);
    assert.match(p25.href, /adilet\.zan\.kz\/(kaz|rus)\/docs\/V2000021642$/);

    // No file name, source id or English act title anywhere in the reasons or the list of sources.
    const text = (await page.textContent('.phc-reasons')) + (await page.textContent('.phc-sources-list'));
    assert.doesNotMatch(text, /\.txt\b|_[0-9a-f]{16}/, 'no seed file name');
    for (const c of ref.citations) assert.ok(!text.includes(c.id.split(':')[0]), `no id ${c.id}`);
    assert.doesNotMatch(text, /\bOrder\b|\bground\b|\bpara\b/, 'no English act title or place');
    // English left in the page is marked as English (none is expected).
    const unmarked = await page.$$eval('.phc-reasons *, .phc-sources-list *', (els) => els
      .filter((e) => e.children.length === 0 && /[A-Za-z]{4,}\s+[A-Za-z]{4,}/.test(e.textContent) && !/[\u0400-\u04FF]/.test(e.textContent))
      .filter((e) => e.closest('[lang]').getAttribute('lang') !== 'en')
      .map((e) => e.textContent));
    assert.deepEqual(unmarked, [], 'English text inside the page carries lang="en"');

    // "Only one official page says this" only on a reason marked single_source.
    const single = await page.$$eval('.phc-reason', (rs) => rs.map((r) => !!r.querySelector('.phc-badge-single')));
    assert.equal(single.filter(Boolean).length, shown.filter((r) => r.single_source).length, 'single-source badges where the decision says so');

    // The reading badge leads to the list of sources (focus moves there; the address keeps no fragment).
    await page.click('.phc-why summary'); // "Why we say this" is collapsed at first
    const badge = page.locator('.phc-badge-reading').first();
    assert.ok(await badge.count(), 'a reason rests on a reading of the rules');
    assert.match(await badge.textContent(), CYRILLIC);
    await badge.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'phc-sources-list', 'the list of sources has the focus');
    assert.equal(new URL(page.url()).hash, '', 'the address is unchanged');

    // The list gives every act with its dates, titled and linked in this language.
    const acts = await page.$$eval('.phc-sources-list li', (lis) => lis.map((li) => ({
      text: li.textContent, href: li.querySelector('a')?.getAttribute('href'),
    })));
    const order = acts.find((a) => a.href && /V2000021642$/.test(a.href) && /194\/2020/.test(a.text) && !/141|44/.test(a.text.split('—')[0]));
    assert.ok(order, `Order 194/2020 is listed: ${JSON.stringify(acts)}`);
    assert.match(order.href, ADDRESS_IN[lang]);
    assert.match(order.text, /2020/, 'with the day it was adopted');
    assert.match(order.text, /2023/, 'and its amendments');
    assert.ok(acts.some((a) => /K2000000350$/.test(a.href ?? '')), 'the Administrative Procedural Code is listed');
    await assertClean(page, problems);
    await context.close();
  });
}
