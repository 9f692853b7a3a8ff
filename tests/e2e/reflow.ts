// Measurements for the console's reflow at phone widths (WCAG 2.2, 1.4.10 and 2.5.8), run in the page.
import type { Page } from 'playwright-core';

/**
 * What breaks reflow on the page as it is now, in words a failing test can show:
 * - `page wider`: the document scrolls sideways (`scrollWidth` beyond `innerWidth`, CSS px);
 * - `wider: <element>`: a visible element that reaches past the viewport's right edge, or is cut at its left,
 *   unless it sits inside a scroll container of its own (`overflow-x: auto | scroll`, e.g. a table's wrapper);
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
