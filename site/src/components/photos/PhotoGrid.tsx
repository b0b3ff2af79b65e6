import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { aspectOf, justifiedLayout, type Layout, type Row, squareLayout, visibleRows } from '../../lib/photo-layout.ts';
import { placeholderUrl } from '../../lib/placeholder.ts';

export interface GridPhoto {
  imageId: string;
  width: number | null;
  height: number | null;
  placeholder: string | null;
}

export interface GridHandle {
  /** Scrolls a photo into view (rendering its row) and focuses `selector` inside its tile. */
  reveal(imageId: string, selector?: string): void;
}

interface PhotoGridProps<T extends GridPhoto> {
  items: readonly T[];
  /** Justified rows at each photo's aspect ratio, or square crops. */
  mode?: 'justified' | 'square';
  /** Accessible name of the list. */
  label: string;
  /** The inside of one tile; the grid positions it and paints its placeholder. */
  renderTile: (item: T, index: number, size: { width: number; height: number }) => ComponentChildren;
  handle?: { current: GridHandle | null };
  /** Extra class on a tile. */
  tileClass?: (item: T) => string;
}

/** Rows rendered beyond the viewport on each side, and the margin that must stay covered before rendering again. */
const OVERSCAN = 1.25;
const KEEP = 0.5;

function sizes(width: number, mode: 'justified' | 'square') {
  const gap = width < 600 ? 4 : 8;
  if (mode === 'square') return { gap, target: width < 480 ? 110 : width < 900 ? 150 : 180 };
  return { gap, target: width < 480 ? 130 : width < 900 ? 180 : 230 };
}

/**
 * A windowed photo grid: the layout of every photo is computed up front (cheap), but only the rows
 * near the viewport are in the DOM, so 2,000 photos cost what 50 do. The list keeps its full height
 * so the page scrolls normally, and each tile says where it sits in the whole set (aria-posinset).
 */
export function PhotoGrid<T extends GridPhoto>({ items, mode = 'justified', label, renderTile, handle, tileClass }: PhotoGridProps<T>) {
  const ref = useRef<HTMLUListElement>(null);
  const [width, setWidth] = useState(0);
  const [range, setRange] = useState<{ first: number; last: number }>({ first: 0, last: -1 });
  const focusAfterRender = useRef<{ imageId: string; selector: string } | null>(null);

  const layout: Layout = useMemo(() => {
    if (!width) return { rows: [], height: 0 };
    const { gap, target } = sizes(width, mode);
    return mode === 'square'
      ? squareLayout(items.length, width, target, gap)
      : justifiedLayout(
          items.map((i) => aspectOf(i.width, i.height)),
          width,
          target,
          gap,
        );
  }, [items, width, mode]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  /** Renders the rows around the viewport; does nothing while the rendered rows still cover it with margin. */
  const update = useCallback((force = false) => {
    const el = ref.current;
    if (!el) return;
    const top = -el.getBoundingClientRect().top;
    const vh = window.innerHeight;
    setRange((current) => {
      const need = visibleRows(layoutRef.current, top - vh * KEEP, top + vh * (1 + KEEP));
      if (!force && need.first >= current.first && need.last <= current.last) return current;
      const next = visibleRows(layoutRef.current, top - vh * OVERSCAN, top + vh * (1 + OVERSCAN));
      return next.first === current.first && next.last === current.last ? current : next;
    });
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      setWidth((old) => (old === w ? old : w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => update(true), [layout, update]);

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          update();
        });
    };
    // Capture: scrolls of any scrolling box (a dialog's body) reach the document this way too.
    document.addEventListener('scroll', onScroll, { passive: true, capture: true });
    window.addEventListener('resize', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, [update]);

  const tryFocus = () => {
    const pending = focusAfterRender.current;
    const el = ref.current;
    if (!pending || !el) return;
    const target = el.querySelector<HTMLElement>(`[data-id="${CSS.escape(pending.imageId)}"] ${pending.selector}`);
    if (target) {
      focusAfterRender.current = null;
      target.focus({ preventScroll: true });
    }
  };
  useEffect(tryFocus);

  if (handle) {
    handle.current = {
      reveal(imageId, selector = 'button') {
        const el = ref.current;
        const index = items.findIndex((i) => i.imageId === imageId);
        if (!el || index < 0) return;
        const row = layoutRef.current.rows.find((r) => r.boxes.some((b) => b.index === index));
        if (row) {
          const rowTop = el.getBoundingClientRect().top + row.top;
          if (rowTop < 80 || rowTop + row.height > window.innerHeight - 80) {
            window.scrollTo({ top: window.scrollY + rowTop - (window.innerHeight - row.height) / 2, behavior: 'instant' });
          }
        }
        focusAfterRender.current = { imageId, selector };
        update(true);
        tryFocus();
      },
    };
  }

  const rows: Row[] = range.last >= range.first ? layout.rows.slice(range.first, range.last + 1) : [];
  return (
    <ul ref={ref} class={`pgrid pgrid--${mode}`} aria-label={label} style={{ height: `${layout.height}px` }}>
      {rows.flatMap((row) =>
        row.boxes.map((box) => {
          const item = items[box.index] as T;
          const ph = placeholderUrl(item.placeholder);
          return (
            <li
              key={item.imageId}
              data-id={item.imageId}
              data-testid="image-tile"
              class={`ptile${tileClass ? ` ${tileClass(item)}` : ''}`}
              aria-setsize={items.length}
              aria-posinset={box.index + 1}
              style={{
                top: `${row.top}px`,
                left: `${box.left}px`,
                width: `${box.width}px`,
                height: `${row.height}px`,
                backgroundImage: ph ? `url("${ph}")` : undefined,
              }}
            >
              {renderTile(item, box.index, { width: box.width, height: row.height })}
            </li>
          );
        }),
      )}
    </ul>
  );
}

/** A grid thumbnail: lazy, sized (no layout shift), fading in over its placeholder once loaded. */
export function TileImage({ src, width, height, onError }: { src: string; width: number; height: number; onError?: () => void }) {
  return (
    <img
      class="ptile__img"
      src={src}
      alt=""
      width={width}
      height={height}
      loading="lazy"
      decoding="async"
      draggable={false}
      onLoad={(e) => e.currentTarget.classList.add('is-loaded')}
      onError={onError}
    />
  );
}
