// Evaluated inside the page under test by e2e/a11y.ts (as source text, like axe-core: the CSP
// forbids inline scripts, and tsx would rename functions passed to page.evaluate). Defines
// window.__gazA11y with synchronous checks (pages without JavaScript run no timers):
//   contrast(incomplete, exclude)  colour contrast axe-core cannot or does not decide:
//                                  - axe's "incomplete" color-contrast nodes, measured here;
//                                  - every SVG <text>/<tspan> (axe reads `color`, not `fill`, and
//                                    gives up on text inside an SVG image: "incomplete");
//                                  - non-text contrast (WCAG 1.4.11) of form controls and buttons:
//                                    the boundary (border or fill) and glyph-only icons, 3:1.
//   reflow(exclude)                horizontal overflow at the current viewport (WCAG 1.4.10) and
//                                  text clipped by its own box.
// Every result names the element by a short CSS path.
(() => {
  if (window.__gazA11y) return;

  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const parsed = new Map();

  /** Any CSS colour as { r, g, b, a } (0–255, alpha 0–1), through the canvas. */
  function rgba(css) {
    if (parsed.has(css)) return parsed.get(css);
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    const value = { r: d[0], g: d[1], b: d[2], a: d[3] / 255 };
    parsed.set(css, value);
    return value;
  }

  function over(top, bottom, extraAlpha = 1) {
    const a = top.a * extraAlpha;
    return {
      r: top.r * a + bottom.r * (1 - a),
      g: top.g * a + bottom.g * (1 - a),
      b: top.b * a + bottom.b * (1 - a),
      a: 1,
    };
  }

  function luminance(c) {
    const lin = (v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  }

  function ratio(a, b) {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }

  const hex = (c) => `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

  /** A short CSS path: tag#id or tag.class, up to four levels. */
  function path(el) {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
      const tag = e.tagName.toLowerCase();
      if (e.id) {
        parts.unshift(`${tag}#${e.id}`);
        break;
      }
      const cls = typeof e.className === 'string' ? e.className.trim().split(/\s+/).filter(Boolean)[0] : e.getAttribute('class');
      parts.unshift(cls ? `${tag}.${cls.split(/\s+/)[0]}` : tag);
    }
    return parts.join(' > ');
  }

  const excluded = (el, exclude) => exclude.some((s) => el.closest(s));

  /** The colour behind an HTML element: its own and its ancestors' backgrounds over white. */
  function backdrop(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage && s.backgroundImage !== 'none') return { unresolved: `background image on ${path(e)}` };
      const c = rgba(s.backgroundColor);
      if (c.a > 0) layers.push(c);
      if (c.a >= 1) break;
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) bg = over(layer, bg);
    return { color: bg };
  }

  function opacityWithin(el, stop) {
    let o = 1;
    for (let e = el; e && e !== stop.parentElement; e = e.parentElement) o *= Number.parseFloat(getComputedStyle(e).opacity || '1');
    return o;
  }

  const SHAPES = 'rect, path, circle, ellipse, polygon, polyline';
  const NOT_PAINTED = 'defs, pattern, clipPath, mask, marker, symbol, linearGradient, radialGradient';

  /** The colours a paint server (pattern or gradient, `url(#id)`) can show, or null. */
  function paintColours(fill) {
    const id = fill.match(/url\(\s*["']?#([^"')]+)["']?\s*\)/)?.[1];
    const server = id ? document.getElementById(id) : null;
    if (!server) return null;
    const colours = [];
    if (server.tagName === 'pattern') {
      for (const shape of server.querySelectorAll(SHAPES)) {
        const s = getComputedStyle(shape);
        for (const paint of [s.fill, s.stroke]) if (paint !== 'none' && !paint.startsWith('url(')) colours.push(rgba(paint));
      }
    } else {
      for (const stop of server.querySelectorAll('stop')) colours.push(rgba(getComputedStyle(stop).stopColor));
    }
    return colours.length > 0 ? colours : null;
  }

  /**
   * The colours that can be under a screen point of an SVG text: the filled shapes painted before
   * it, in order, over the SVG's backdrop (a pattern or gradient gives each of its colours).
   */
  function svgBackdrop(text, svg, x, y) {
    const base = backdrop(svg);
    if (base.unresolved) return base;
    let colours = [base.color];
    const shapes = [...svg.querySelectorAll(SHAPES)].filter(
      (s) => s.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING && !s.contains(text) && !s.closest(NOT_PAINTED),
    );
    for (const shape of shapes) {
      const s = getComputedStyle(shape);
      if (s.display === 'none' || s.visibility !== 'visible' || s.fill === 'none') continue;
      const m = shape.getScreenCTM();
      if (!m) continue;
      const local = new DOMPoint(x, y).matrixTransform(m.inverse());
      if (!shape.isPointInFill(local)) continue;
      const alpha = Number.parseFloat(s.fillOpacity || '1') * opacityWithin(shape, svg);
      const paints = s.fill.startsWith('url(') ? paintColours(s.fill) : [rgba(s.fill)];
      if (!paints) return { unresolved: `an unknown paint server on ${path(shape)}` };
      colours = paints.flatMap((paint) => colours.map((below) => over(paint, below, alpha)));
    }
    return { colours };
  }

  function largeText(px, weight) {
    return px >= 24 || (px >= 18.66 && weight >= 700);
  }

  function svgText(el, svg) {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility !== 'visible' || s.fill === 'none') return null;
    const box = el.getBBox();
    const m = el.getScreenCTM();
    if (!m || box.width === 0 || box.height === 0) return null;
    if (s.fill.startsWith('url(')) return { el, unresolved: 'the text is filled with a pattern or gradient' };
    const px = Number.parseFloat(s.fontSize) * Math.hypot(m.a, m.b);
    const required = largeText(px, Number(s.fontWeight)) ? 3 : 4.5;
    const fg = rgba(s.fill);
    const alpha = Number.parseFloat(s.fillOpacity || '1') * opacityWithin(el, svg);
    let worst = null;
    for (const f of [0.1, 0.5, 0.9]) {
      const p = new DOMPoint(box.x + box.width * f, box.y + box.height / 2).matrixTransform(m);
      const bg = svgBackdrop(el, svg, p.x, p.y);
      if (bg.unresolved) return { el, unresolved: bg.unresolved };
      for (const colour of bg.colours) {
        const r = ratio(over(fg, colour, alpha), colour);
        if (!worst || r < worst.ratio) worst = { el, ratio: r, required, fg: over(fg, colour, alpha), bg: colour, px };
      }
    }
    return worst;
  }

  const hasOwnText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue.trim() !== '');

  function htmlText(el) {
    const s = getComputedStyle(el);
    const bg = backdrop(el);
    if (bg.unresolved) return { el, unresolved: bg.unresolved };
    const fg = over(rgba(s.color), bg.color, Number.parseFloat(s.opacity || '1'));
    const px = Number.parseFloat(s.fontSize);
    const glyphsOnly = !/[\p{L}\p{N}]/u.test(el.textContent);
    const required = glyphsOnly ? 3 : largeText(px, Number(s.fontWeight)) ? 3 : 4.5;
    const covered = coveredBy(el);
    if (covered) return { el, unresolved: `the text is covered by ${path(covered)}` };
    return { el, ratio: ratio(fg, bg.color), required, fg, bg: bg.color, px };
  }

  /** An element painted over the middle of el's text that is not el, inside it or behind it. */
  function coveredBy(el) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) return null;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!top || el.contains(top) || top.contains(el)) return null;
    return top;
  }

  function textResult(el) {
    const svg = el instanceof SVGElement ? el.ownerSVGElement : null;
    return svg ? svgText(el, svg) : htmlText(el);
  }

  function describe(r, what) {
    if (r.unresolved) return { target: path(r.el), what, problem: `contrast cannot be determined: ${r.unresolved}` };
    return {
      target: path(r.el),
      what,
      problem: `contrast ${r.ratio.toFixed(2)}:1, needs ${r.required}:1 (${hex(r.fg)} on ${hex(r.bg)}, ${r.px.toFixed(1)}px)`,
    };
  }

  const CONTROLS =
    'button, input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), select, textarea, [role="button"], a.utrecht-button';

  function visible(el) {
    const rect = el.getBoundingClientRect();
    return rect.width > 1 && rect.height > 1 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  }

  /** WCAG 1.4.11: a control's boundary (its border or its fill) and a glyph-only icon need 3:1. */
  function controlResult(el) {
    const outside = backdrop(el.parentElement);
    if (outside.unresolved) return { unresolved: outside.unresolved };
    const s = getComputedStyle(el);
    if (s.backgroundImage !== 'none') return { unresolved: `background image on ${path(el)}` };
    const fill = over(rgba(s.backgroundColor), outside.color);
    const fillRatio = ratio(fill, outside.color);
    let borderRatio = 0;
    let border = null;
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      if (Number.parseFloat(s[`border${side}Width`]) < 1 || ['none', 'hidden'].includes(s[`border${side}Style`])) continue;
      const c = over(rgba(s[`border${side}Color`]), outside.color);
      const r = ratio(c, outside.color);
      if (r > borderRatio) [borderRatio, border] = [r, c];
    }
    const field = el.matches('input, select, textarea');
    // A border or fill the same colour as the surroundings draws nothing (a text-only button).
    const drawn = borderRatio > 1.05 || fillRatio > 1.05;
    if ((field || drawn) && Math.max(fillRatio, borderRatio) < 3) {
      const shown = border ? `border ${hex(border)}` : `fill ${hex(fill)}`;
      return {
        problem: `boundary contrast ${Math.max(fillRatio, borderRatio).toFixed(2)}:1, needs 3:1 (${shown} on ${hex(outside.color)})`,
      };
    }
    return null;
  }

  function contrast(incomplete, exclude) {
    const failures = [];
    const seen = new Set();
    for (const selector of incomplete) {
      let el = null;
      try {
        el = document.querySelector(selector);
      } catch {
        failures.push({
          target: selector,
          what: 'text (axe: incomplete)',
          problem: 'axe left it undecided and the selector cannot be resolved',
        });
        continue;
      }
      if (!el || excluded(el, exclude)) continue;
      seen.add(el);
      const r = textResult(el);
      if (r && (r.unresolved || r.ratio < r.required)) failures.push(describe(r, 'text (axe: incomplete)'));
    }
    for (const el of document.querySelectorAll('svg text, svg tspan')) {
      if (seen.has(el) || !hasOwnText(el) || excluded(el, exclude)) continue;
      const r = svgText(el, el.ownerSVGElement);
      if (r && (r.unresolved || r.ratio < r.required)) failures.push(describe(r, 'SVG text'));
    }
    for (const el of document.querySelectorAll(CONTROLS)) {
      if (excluded(el, exclude) || el.disabled || !visible(el)) continue;
      const r = controlResult(el);
      if (r)
        failures.push({ target: path(el), what: 'control (WCAG 1.4.11)', problem: r.problem ?? `cannot be determined: ${r.unresolved}` });
      if (
        el.matches('button, [role="button"], a') &&
        el.textContent.trim() !== '' &&
        !/[\p{L}\p{N}]/u.test(el.textContent) &&
        !seen.has(el)
      ) {
        const g = htmlText(el);
        if (g.unresolved || g.ratio < 3) failures.push(describe({ ...g, required: 3 }, 'icon glyph (WCAG 1.4.11)'));
      }
    }
    return failures;
  }

  /** A scroll container that 1.4.10 allows: scrolls horizontally, focusable, named. */
  function allowedScroller(el) {
    const s = getComputedStyle(el);
    if (!['auto', 'scroll'].includes(s.overflowX)) return null;
    const named = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
    return { ok: el.tabIndex >= 0 && named, el };
  }

  function containingBlock(el) {
    for (let e = el.parentElement; e; e = e.parentElement) if (getComputedStyle(e).position !== 'static') return e;
    return document.documentElement;
  }

  function clips(el) {
    const s = getComputedStyle(el);
    return s.overflowX === 'hidden' || s.overflowX === 'clip';
  }

  function reflow(exclude) {
    const vw = document.documentElement.clientWidth;
    const failures = [];
    const scroll = document.documentElement.scrollWidth;
    if (scroll > innerWidth)
      failures.push({ target: 'html', problem: `the page scrolls horizontally: ${scroll} px wide in a ${innerWidth} px viewport` });
    const reported = new Set();
    for (const el of document.body.querySelectorAll('*')) {
      if (excluded(el, exclude)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.right <= vw + 1) continue;
      const position = getComputedStyle(el).position;
      if (rect.width <= 1 && position !== 'absolute' && position !== 'fixed') continue;
      let parent = el.parentElement;
      let allowed = false;
      let clipped = false;
      // An absolutely positioned element is clipped only by a scroll container that holds its containing block.
      const block = position === 'fixed' ? document.documentElement : position === 'absolute' ? containingBlock(el) : null;
      for (; parent && parent !== document.body; parent = parent.parentElement) {
        if (block && !parent.contains(block)) continue;
        const scroller = allowedScroller(parent);
        if (scroller && parent.getBoundingClientRect().right <= vw + 1) {
          if (!scroller.ok && !reported.has(parent)) {
            reported.add(parent);
            failures.push({ target: path(parent), problem: 'a horizontal scroll container without tabindex="0" and an accessible name' });
          }
          allowed = true;
          break;
        }
        if (clips(parent) && parent.getBoundingClientRect().right <= vw + 1) {
          clipped = true;
          break;
        }
      }
      if (allowed || clipped) continue;
      const p = el.parentElement;
      if (!block && p && p !== document.body && p.getBoundingClientRect().right > vw + 1) continue; // report where the overflow starts
      const abs =
        position === 'absolute' || position === 'fixed' ? `, position: ${position} (its scroll container needs position: relative)` : '';
      failures.push({
        target: path(el),
        problem: `reaches ${Math.round(rect.right)} px in a ${vw} px viewport (${Math.round(rect.width)} px wide${abs})`,
      });
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (excluded(el, exclude) || !clips(el) || el.clientWidth <= 1 || !hasOwnText(el)) continue;
      if (getComputedStyle(el).position === 'absolute' && el.clientWidth <= 2) continue; // visually hidden text
      if (el.scrollWidth > el.clientWidth + 1) {
        failures.push({ target: path(el), problem: `text clipped: ${el.scrollWidth} px of text in a ${el.clientWidth} px box` });
      }
    }
    return failures.slice(0, 12);
  }

  window.__gazA11y = { contrast, reflow };
})();
