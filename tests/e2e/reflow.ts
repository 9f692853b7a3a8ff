// Measurements for the console's reflow at phone widths (WCAG 2.2, 1.4.10 and 2.5.8), run in the page.
import type { Page } from 'playwright-core';

/**
 * What breaks reflow on the page as it is now, in words a failing test can show:
 * - `page wider`: the document scrolls sideways (`scrollWidth` beyond `innerWidth`, CSS px);
 * - `wider: <element>`: a visible element that reaches past the viewport's right edge, or is cut at its left,
 *   unless it sits inside a scroll container of its own (`overflow-x: auto | scroll`, e.g. a table's wrapper);
 * - `broken word: <word>`: a word of 4 to 20 letters squeezed onto more than one line;
 * - `small: <control>`: a control under 24×24 CSS px (2.5.8), leaving out links inside running text.
 * Empty when the page reflows.
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width) problems.push(`page wider: ${document.documentElement.scrollWidth} > ${width}`);
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      return `${el.tagName.toLowerCase()}${cls} "${text}"`;
    };
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none' && !el.closest('[hidden], .visually-hidden');
    };
    const scrolls = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (/auto|scroll/.test(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || !visible(el)) continue;
      // Wholly off to the left is a deliberate hiding place (the skip link until focused), not a cut.
      const cut = box.right > width + 0.5 || (box.left < -0.5 && box.right > 0);
      if (cut && !scrolls(el)) problems.push(`wider: ${name(el)} (${Math.round(box.left)}..${Math.round(box.right)})`);
    }
    // Squeezed, not wider: the tester's header fitted the width by breaking "Cases" one letter a line.
    // A word of 4 to 20 letters laid on more than one line was squeezed; longer ones (a 100-letter
    // name, an address) may break by design (issue 13, item 15).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // An address shown to be copied breaks anywhere on purpose (`word-break: break-all`).
      if (!parent || !visible(parent) || parent.closest('script, style') || getComputedStyle(parent).wordBreak === 'break-all') continue;
      for (const word of (node.textContent ?? '').matchAll(/[^\s\-–—/·,.:;()]+/g)) {
        if (word[0].length < 4 || word[0].length > 20) continue;
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`broken word: "${word[0]}" in ${name(parent)}`);
      }
    }
    const controls = 'button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=tab], a.button, nav a';
    for (const el of Array.from(document.body.querySelectorAll(controls))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || !visible(el)) continue;
      // Checkboxes and radios count with their label, which takes the click too.
      const label = (el as HTMLInputElement).labels?.[0]?.getBoundingClientRect();
      const w = Math.max(box.width, label?.width ?? 0);
      const h = Math.max(box.height, label?.height ?? 0);
      if (w < 24 || h < 24) problems.push(`small: ${name(el)} (${Math.round(w)}×${Math.round(h)})`);
    }
    return problems;
  });
}
