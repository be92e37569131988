// Map enhancement for server-rendered choropleths (svg[data-choropleth]): hover/focus highlight,
// a tooltip with the area's name and value, and zoom/pan (buttons, wheel, drag, keyboard) by
// changing the viewBox. Without JavaScript the map is a set of plain links.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const MIN_SCALE = 1;
const MAX_SCALE = 8;
const lang = document.documentElement.lang === 'en' ? 'en' : 'nl';
const text = {
  nl: { zoomIn: 'Inzoomen', zoomOut: 'Uitzoomen', reset: 'Kaart terugzetten', controls: 'Kaart zoomen' },
  en: { zoomIn: 'Zoom in', zoomOut: 'Zoom out', reset: 'Reset map', controls: 'Zoom map' },
}[lang];

function readBox(svg: SVGSVGElement): Box {
  const [x, y, w, h] = (svg.getAttribute('viewBox') ?? '0 0 600 720').split(/\s+/).map(Number);
  return { x, y, w, h };
}

interface Zoom {
  full: Box;
  zoom: (factor: number, cx?: number, cy?: number) => void;
  pan: (dx: number, dy: number) => void;
  reset: () => void;
}

/** The map's zoom state: the viewBox, kept within the full map and between 1× and MAX_SCALE×. */
function useZoom(svg: SVGSVGElement): Zoom {
  const full = useRef(readBox(svg));
  const [box, setBox] = useState<Box>(full.current);

  useEffect(() => {
    svg.setAttribute('viewBox', `${box.x.toFixed(1)} ${box.y.toFixed(1)} ${box.w.toFixed(1)} ${box.h.toFixed(1)}`);
    svg.classList.toggle('gaz-choropleth--zoomed', box.w < full.current.w);
  }, [box]);

  const clamp = (b: Box): Box => {
    const f = full.current;
    const w = Math.min(f.w, Math.max(f.w / MAX_SCALE, b.w));
    const h = (w * f.h) / f.w;
    const x = Math.min(f.x + f.w - w, Math.max(f.x, b.x));
    const y = Math.min(f.y + f.h - h, Math.max(f.y, b.y));
    return { x, y, w, h };
  };
  return {
    full: full.current,
    zoom: (factor, cx, cy) =>
      setBox((b) => {
        const px = cx ?? b.x + b.w / 2;
        const py = cy ?? b.y + b.h / 2;
        const w = b.w / factor;
        const h = b.h / factor;
        if (w > full.current.w / MIN_SCALE) return full.current;
        return clamp({ x: px - ((px - b.x) * w) / b.w, y: py - ((py - b.y) * h) / b.h, w, h });
      }),
    pan: (dx, dy) => setBox((b) => clamp({ ...b, x: b.x + dx, y: b.y + dy })),
    reset: () => setBox(full.current),
  };
}

/** Wheel zoom, drag to pan (a drag never follows the link it started on) and keyboard (+, −, arrows). */
function useGestures(svg: SVGSVGElement, z: Zoom) {
  useEffect(() => {
    const toSvg = (e: { clientX: number; clientY: number }, b: Box) => {
      const r = svg.getBoundingClientRect();
      return { x: b.x + ((e.clientX - r.left) / r.width) * b.w, y: b.y + ((e.clientY - r.top) / r.height) * b.h };
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const p = toSvg(e, readBox(svg));
      z.zoom(e.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
    };
    let drag: { x: number; y: number; moved: boolean } | null = null;
    const onDown = (e: PointerEvent) => {
      if (e.button === 0) drag = { x: e.clientX, y: e.clientY, moved: false };
    };
    const onMove = (e: PointerEvent) => {
      if (!drag) return;
      const dxPx = e.clientX - drag.x;
      const dyPx = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dxPx) + Math.abs(dyPx) < 4) return;
      drag.moved = true;
      const r = svg.getBoundingClientRect();
      const b = readBox(svg);
      z.pan((-dxPx * b.w) / r.width, (-dyPx * b.h) / r.height);
      drag.x = e.clientX;
      drag.y = e.clientY;
    };
    const onClick = (e: MouseEvent) => {
      if (drag?.moved) e.preventDefault();
      drag = null;
    };
    const onUp = () => {
      if (drag && !drag.moved) drag = null;
    };
    const onKey = (e: KeyboardEvent) => {
      const b = readBox(svg);
      const step = b.w / 10;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, -step],
        ArrowDown: [0, step],
      };
      if (e.key === '+' || e.key === '=') z.zoom(1.5);
      else if (e.key === '-') z.zoom(1 / 1.5);
      else if (moves[e.key] && b.w < z.full.w) z.pan(...moves[e.key]);
      else return;
      e.preventDefault();
    };
    const on: [EventTarget, string, EventListener, AddEventListenerOptions?][] = [
      [svg, 'wheel', onWheel as EventListener, { passive: false }],
      [svg, 'pointerdown', onDown as EventListener],
      [window, 'pointermove', onMove as EventListener],
      [window, 'pointerup', onUp],
      [svg, 'click', onClick as EventListener, { capture: true }],
      [svg, 'keydown', onKey as EventListener],
    ];
    for (const [target, type, fn, opts] of on) target.addEventListener(type, fn, opts);
    return () => {
      for (const [target, type, fn, opts] of on) target.removeEventListener(type, fn, opts);
    };
  }, []);
}

function Controls(props: { svg: SVGSVGElement }) {
  const z = useZoom(props.svg);
  useGestures(props.svg, z);
  // A fieldset groups the buttons under one accessible name (the utrecht class resets its frame).
  return (
    <fieldset class="utrecht-form-fieldset--html-fieldset gaz-map-controls" aria-label={text.controls}>
      <div class="utrecht-button-group">
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => z.zoom(1.5)} aria-label={text.zoomIn}>
          +
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          onClick={() => z.zoom(1 / 1.5)}
          aria-label={text.zoomOut}
        >
          −
        </button>
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={z.reset}>
          {text.reset}
        </button>
      </div>
    </fieldset>
  );
}

function Tooltip(props: { svg: SVGSVGElement; frame: HTMLElement }) {
  const { svg, frame } = props;
  const [tip, setTip] = useState<{ name: string; value: string; x: number; y: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const areaOf = (t: EventTarget | null) => (t instanceof Element ? t.closest('[data-code]') : null);
    let active: Element | null = null;
    const show = (area: Element | null, x: number, y: number, raise = false) => {
      if (active && active !== area) active.classList.remove('gaz-choropleth__area--active');
      active = area;
      if (!area) return setTip(null);
      area.classList.add('gaz-choropleth__area--active');
      // Bring the highlighted outline above its neighbours (not on focus: moving a focused node blurs it).
      if (raise && area.parentNode?.lastChild !== area) area.parentNode?.appendChild(area);
      const f = frame.getBoundingClientRect();
      setTip({ name: area.getAttribute('data-name') ?? '', value: area.getAttribute('data-value') ?? '', x: x - f.left, y: y - f.top });
    };
    const onMove = (e: PointerEvent) => show(areaOf(e.target), e.clientX, e.clientY, true);
    const onLeave = () => show(null, 0, 0);
    const onFocus = (e: FocusEvent) => {
      const area = areaOf(e.target);
      if (!area) return;
      const r = area.getBoundingClientRect();
      show(area, r.left + r.width / 2, r.top + r.height / 2);
    };
    svg.addEventListener('pointermove', onMove);
    svg.addEventListener('pointerleave', onLeave);
    svg.addEventListener('focusin', onFocus);
    svg.addEventListener('focusout', onLeave);
    return () => {
      svg.removeEventListener('pointermove', onMove);
      svg.removeEventListener('pointerleave', onLeave);
      svg.removeEventListener('focusin', onFocus);
      svg.removeEventListener('focusout', onLeave);
    };
  }, []);

  // Position through CSSOM (allowed by the style-src CSP, unlike style attributes in HTML).
  useEffect(() => {
    if (ref.current && tip) {
      ref.current.style.left = `${Math.round(tip.x + 12)}px`;
      ref.current.style.top = `${Math.round(tip.y + 12)}px`;
    }
  }, [tip]);

  return (
    <div ref={ref} class="gaz-map-tooltip" hidden={!tip} aria-hidden="true">
      {tip ? (
        <>
          <strong>{tip.name}</strong>
          <br />
          {tip.value}
        </>
      ) : null}
    </div>
  );
}

function enhance(svg: SVGSVGElement) {
  const frame = svg.closest<HTMLElement>('.gaz-map-frame') ?? svg.parentElement!;
  frame.classList.add('gaz-map-frame--enhanced');
  const controlsHost = document.createElement('div');
  frame.before(controlsHost);
  render(<Controls svg={svg} />, controlsHost);
  const tipHost = document.createElement('div');
  frame.append(tipHost);
  render(<Tooltip svg={svg} frame={frame} />, tipHost);
}

document.querySelectorAll<SVGSVGElement>('svg[data-choropleth]').forEach(enhance);
