/* global document, getComputedStyle */
// Evaluated in the page (by e2e/workspace-grade.e2e.spec.ts and run/check-fit.mjs): every way a
// shown panel's content can be cut off at the current viewport. Lists and grids may scroll inside
// their panel; nothing else may need to. Returns [{ panel, element, problem }].
(() => {
  const problems = [];
  const describe = (el) =>
    el.tagName.toLowerCase() +
    (el.getAttribute('data-testid') ? '[data-testid=' + el.getAttribute('data-testid') + ']' : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : '');
  const scrollerOf = (el, stop) => {
    for (let a = el.parentElement; a && a !== stop; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (/(auto|scroll)/.test(s.overflowX + ' ' + s.overflowY)) return a;
    }
    return null;
  };
  const floating = (el) => el.closest('[role=tooltip],[role=dialog],dialog,[role=menu],[popover],[hidden]');
  for (const panel of document.querySelectorAll('section.ws-panel')) {
    const box = panel.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue; // another tab's panel
    const name = (panel.getAttribute('aria-labelledby') || '?').replace(/-title$/, '');
    const add = (el, problem) => problems.length < 200 && problems.push({ panel: name, element: describe(el), problem });
    for (const el of panel.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      // Zero-size and screen-reader-only (1 px, clipped) elements are not seen.
      if (r.width <= 1 || r.height <= 1 || floating(el)) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      const scroller = scrollerOf(el, panel.parentElement);
      // 1. Sticking out of the panel with nothing to scroll it into view: cut off.
      const outside = r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
      if (outside && !scroller) add(el, 'outside its panel, not reachable');
      // 2. A gauge or chart must be whole on screen: never half-hidden behind a scroller's edge.
      if (/^(svg|canvas|img)$/i.test(el.tagName) && !el.closest('svg svg, [data-scroll-x], [data-scroll-y]')) {
        const v = scroller ? scroller.getBoundingClientRect() : box;
        if (r.left < v.left - 1 || r.right > v.right + 1 || r.top < v.top - 1 || r.bottom > v.bottom + 1) add(el, 'graphic cut by its frame');
      }
      // 3. Sideways scrolling only where a grid or table is meant to (data-scroll-x).
      if (el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 && /(auto|scroll|hidden|clip)/.test(style.overflowX) && !el.hasAttribute('data-scroll-x') && !/^(input|select|textarea)$/i.test(el.tagName)) {
        const cutText = style.textOverflow === 'ellipsis' && el.hasAttribute('title');
        if (!cutText) add(el, 'content wider than its box (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
      }
    }
  }
  return problems;
})()
