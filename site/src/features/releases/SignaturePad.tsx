// The drawing pad: a canvas measured in the API's 600×200 box whatever its width on screen, drawn
// with pointer events (mouse, pen, finger), strokes clipped to the box and thinned to the limit.
import { useEffect, useRef } from 'preact/hooks';
import { PAD, RELEASE_LIMITS } from '../../../../shared/features/releases/constants.ts';
import { addPoint, type Point, thin, toPad } from './signature.ts';

export type Strokes = Point[][];

function paint(canvas: HTMLCanvasElement, strokes: Strokes) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, PAD.width, PAD.height);
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#1d2433';
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    ctx.beginPath();
    ctx.moveTo(first[0], first[1]);
    // A single tap still leaves a dot.
    if (!rest.length) ctx.lineTo(first[0] + 0.1, first[1]);
    for (const [x, y] of rest) ctx.lineTo(x, y);
    ctx.stroke();
  }
}

export function SignaturePad({ label, strokes, onStrokes }: { label: string; strokes: Strokes; onStrokes: (s: Strokes) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const current = useRef<Point[] | null>(null);

  useEffect(() => {
    if (ref.current) paint(ref.current, strokes);
  }, [strokes]);

  const at = (e: PointerEvent): Point => {
    const rect = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    return toPad(e.clientX - rect.left, e.clientY - rect.top, rect);
  };
  const down = (e: PointerEvent) => {
    if (strokes.length >= RELEASE_LIMITS.strokes) return;
    e.preventDefault();
    (e.currentTarget as HTMLCanvasElement).setPointerCapture?.(e.pointerId);
    current.current = [at(e)];
    if (ref.current) paint(ref.current, [...strokes, current.current]);
  };
  const move = (e: PointerEvent) => {
    if (!current.current) return;
    e.preventDefault();
    // Coalesced events keep a fast stroke smooth where the browser offers them.
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    for (const ev of events.length ? events : [e]) {
      const rect = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
      current.current = addPoint(current.current, toPad(ev.clientX - rect.left, ev.clientY - rect.top, rect));
    }
    if (ref.current) paint(ref.current, [...strokes, current.current]);
  };
  const up = () => {
    const stroke = current.current;
    current.current = null;
    if (stroke?.length) onStrokes([...strokes, thin(stroke)]);
  };

  return (
    <div class="sign-pad">
      <canvas
        ref={ref}
        class="sign-pad__canvas"
        width={PAD.width}
        height={PAD.height}
        role="img"
        aria-label={`${label} drawing area`}
        data-testid="signature-pad"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <div class="sign-pad__foot">
        <span class="muted small">{strokes.length ? 'Drawn.' : 'Draw with your finger, a pen or the mouse.'}</span>
        <button type="button" class="button button--secondary button--small" onClick={() => onStrokes([])} disabled={!strokes.length}>
          Clear
        </button>
      </div>
    </div>
  );
}
