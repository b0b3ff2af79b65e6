// Row layouts for photo grids, computed once per width and list (O(n), about a millisecond for
// 2,000 photos), so the grid can render only the rows near the viewport and still know the full
// height of the page.

export interface Box {
  /** Position in the list. */
  index: number;
  left: number;
  width: number;
}

export interface Row {
  top: number;
  height: number;
  boxes: Box[];
}

export interface Layout {
  rows: Row[];
  height: number;
}

/** Aspect ratios outside this range are cropped (object-fit: cover) rather than laid out as-is. */
const MIN_ASPECT = 0.5;
const MAX_ASPECT = 2.5;
const DEFAULT_ASPECT = 3 / 2;

export function aspectOf(width: number | null | undefined, height: number | null | undefined): number {
  if (!width || !height) return DEFAULT_ASPECT;
  return Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, width / height));
}

/** Whole-pixel boxes for a row whose items start at `x0`: no sub-pixel seams between photos. */
function place(indices: number[], widths: number[], gap: number): Box[] {
  const boxes: Box[] = [];
  let x = 0;
  indices.forEach((index, i) => {
    const left = Math.round(x);
    const right = Math.round(x + (widths[i] as number));
    boxes.push({ index, left, width: right - left });
    x += (widths[i] as number) + gap;
  });
  return boxes;
}

/**
 * A justified layout: rows of photos at their own aspect ratio, each row scaled to fill the width
 * exactly, with the break before or after a photo chosen to keep rows nearest `target` height.
 * The last row keeps the target height instead of being stretched.
 */
export function justifiedLayout(aspects: readonly number[], width: number, target: number, gap: number): Layout {
  const rows: Row[] = [];
  let top = 0;
  let start = 0;
  let sum = 0;
  const pushRow = (from: number, to: number, aspectSum: number, full: boolean) => {
    const n = to - from;
    const height = full ? (width - gap * (n - 1)) / aspectSum : Math.min(target, (width - gap * (n - 1)) / aspectSum);
    const indices = Array.from({ length: n }, (_, i) => from + i);
    const rounded = Math.round(height);
    rows.push({
      top,
      height: rounded,
      boxes: place(
        indices,
        indices.map((i) => (aspects[i] as number) * height),
        gap,
      ),
    });
    top += rounded + gap;
  };
  for (let i = 0; i < aspects.length; i++) {
    const a = aspects[i] as number;
    const n = i - start + 1;
    const widthAtTarget = (sum + a) * target + gap * (n - 1);
    if (widthAtTarget >= width && n > 1) {
      // Full: end the row before this photo, or with it, whichever height is nearer the target.
      const without = (width - gap * (n - 2)) / sum;
      const withIt = (width - gap * (n - 1)) / (sum + a);
      if (Math.abs(without - target) <= Math.abs(withIt - target)) {
        pushRow(start, i, sum, true);
        start = i;
        sum = a;
      } else {
        pushRow(start, i + 1, sum + a, true);
        start = i + 1;
        sum = 0;
      }
    } else if (widthAtTarget >= width) {
      // A single photo wider than the row at target height.
      pushRow(i, i + 1, a, true);
      start = i + 1;
      sum = 0;
    } else {
      sum += a;
    }
  }
  if (start < aspects.length) pushRow(start, aspects.length, sum, false);
  return { rows, height: Math.max(0, top - gap) };
}

/** Square tiles, as many columns as fit at `minSize` (at least two). */
export function squareLayout(count: number, width: number, minSize: number, gap: number): Layout {
  const columns = Math.max(2, Math.floor((width + gap) / (minSize + gap)));
  const size = (width - gap * (columns - 1)) / columns;
  const rows: Row[] = [];
  let top = 0;
  const height = Math.round(size);
  for (let start = 0; start < count; start += columns) {
    const indices = Array.from({ length: Math.min(columns, count - start) }, (_, i) => start + i);
    rows.push({
      top,
      height,
      boxes: place(
        indices,
        indices.map(() => size),
        gap,
      ),
    });
    top += height + gap;
  }
  return { rows, height: Math.max(0, top - gap) };
}

/** The rows that overlap [from, to] (pixels from the top of the grid). Binary search: cheap on every scroll frame. */
export function visibleRows(layout: Layout, from: number, to: number): { first: number; last: number } {
  const { rows } = layout;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid] as Row;
    if (row.top + row.height < from) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < rows.length && (rows[last] as Row).top <= to) last++;
  return { first: lo, last: last - 1 };
}
