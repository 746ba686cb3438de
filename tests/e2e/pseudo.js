// The pseudo-locale check (issue 30): with the screens in the pseudo-locale
// (tag en-XA, never offered), each message starts and ends with U+FEFF, and
// `uncatalogued` finds what on the page did not come from the catalogue and
// which boxes longer words overflow. Used over the registry by
// specs/languages.spec.js (states set up in it) and specs/screens.spec.js
// (states a reload brings back whole, reloaded into it).

/**
 * What on the page did not come from the catalogue, and which boxes the
 * pseudo-locale's longer words overflow; the data stored on the device (the
 * review's names and answers) is allowed as it is.
 */
export async function uncatalogued(page) {
  return page.evaluate(() => {
    const MARK = '\uFEFF';
    const data = new Set();
    const collect = (v) => {
      if (typeof v === 'string') { if (v.trim()) data.add(v.trim()); }
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    for (let i = 0; i < localStorage.length; i++) {
      try { collect(JSON.parse(localStorage.getItem(localStorage.key(i)))); } catch { /* not JSON */ }
    }
    // Each language's own name is shown in itself, whatever the language.
    ['English', 'Cymraeg', 'اردو'].forEach((n) => data.add(n));
    // What is left of a text once its marked messages are taken out.
    const outside = (text) => text.split(MARK).filter((_, i) => i % 2 === 0).join(' ');
    const isData = (t) => [...data].some((d) => d === t || d.includes(t));
    const punctuation = /^[\s\d.,:;!?()\-–—/'"’“”…·%#+×▲▼►]*$/;
    const allowed = (rest) => {
      const r = rest.split(/\s+/).join(' ').trim();
      if (r === '' || punctuation.test(r) || isData(r)) return true;
      // Data joined by punctuation ("Tom Khan, Sam Patel"): each piece is data.
      return r.split(/\s*[,;·:]\s*|\s+[–—]\s+/)
        .map((p) => p.replace(/^[\s.()“”"']+|[\s.()“”"']+$/g, ''))
        .every((p) => p === '' || punctuation.test(p) || isData(p));
    };
    const problems = [];
    const visible = (el) => !!el && !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length
      || el.closest('.app-visually-hidden'));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('script, style, noscript, svg, textarea, [hidden], [translate="no"]') || !visible(parent)) continue;
      if (parent.closest('dialog') && !parent.closest('dialog[open]')) continue;
      texts.push(n);
      // Each run outside a message, between messages.
      for (const rest of outside(n.data).split(/\s{2,}/)) {
        if (!allowed(rest)) problems.push(`text "${rest.trim()}" in <${parent.tagName.toLowerCase()}>`);
      }
    }
    const ATTRS = ['aria-label', 'title', 'placeholder', 'alt', 'data-label', 'aria-roledescription', 'aria-valuetext'];
    for (const el of document.querySelectorAll(ATTRS.map((a) => `[${a}]`).join(','))) {
      if (el.closest('svg')) continue;
      for (const a of ATTRS) {
        const v = el.getAttribute(a);
        if (v !== null && !allowed(outside(v))) problems.push(`${a}="${v}" on <${el.tagName.toLowerCase()}>`);
      }
    }
    if (!allowed(outside(document.title))) problems.push(`the page title "${document.title}"`);
    // The pseudo-locale's look, in place: each message accented, a third
    // longer and bracketed, as a longer language would make it.
    const ACCENTS = { a: 'à', c: 'ç', e: 'é', i: 'î', n: 'ñ', o: 'ô', s: 'š', u: 'û', y: 'ý', z: 'ž', A: 'À', C: 'Ç', E: 'É', I: 'Î', N: 'Ñ', O: 'Ô', S: 'Š', U: 'Û', Y: 'Ý', Z: 'Ž' };
    for (const n of texts) {
      n.data = n.data.split(MARK).map((part, i) => {
        if (i % 2 === 0) return part;
        const letters = (part.match(/\p{L}/gu) || []).length;
        return `⟦${[...part].map((c) => ACCENTS[c] || c).join('')}${'·'.repeat(Math.ceil(letters / 3))}⟧`;
      }).join('');
    }
    // Overflow: the page must not scroll sideways, and no box may clip or
    // spill its own words.
    if (document.documentElement.scrollWidth > window.innerWidth) {
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px in ${window.innerWidth})`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el) || el.closest('.app-visually-hidden, svg')) continue;
      const own = [...el.childNodes].some((c) => c.nodeType === 3 && c.data.trim());
      if (!own) continue;
      const s = getComputedStyle(el);
      if (s.display === 'inline' || s.display === 'contents') continue;
      // A one-line summary cut short on purpose, with an ellipsis.
      if (s.textOverflow === 'ellipsis') continue;
      // (A box of 1 px is one kept out of sight until it has focus.)
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1) {
        problems.push(`<${el.tagName.toLowerCase()} class="${el.className}"> overflows: "${el.textContent.trim().slice(0, 60)}" (${el.scrollWidth} px in ${el.clientWidth})`);
      }
    }
    return problems;
  });
}
