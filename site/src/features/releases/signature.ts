// A drawn signature's geometry, pure: pointer positions on the element become integer points in the
// pad's 600×200 box (the API's coordinates), clipped to it, and a long stroke is thinned to the
// API's limit instead of being refused.
import { PAD, RELEASE_LIMITS } from '../../../../shared/features/releases/constants.ts';

export type Point = [number, number];

const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));

/** A position on an element of `box` size (CSS pixels) in the pad's coordinates, inside the box. */
export function toPad(x: number, y: number, box: { width: number; height: number }): Point {
  const sx = box.width > 0 ? PAD.width / box.width : 1;
  const sy = box.height > 0 ? PAD.height / box.height : 1;
  return [clamp(x * sx, PAD.width), clamp(y * sy, PAD.height)];
}

/** At most `max` points, evenly picked, the first and the last always kept. */
export function thin(points: Point[], max: number = RELEASE_LIMITS.pointsPerStroke): Point[] {
  if (points.length <= max) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)] as Point);
}

/** Adds a point unless it repeats the last one (a still pointer sends many). */
export function addPoint(stroke: Point[], p: Point): Point[] {
  const last = stroke[stroke.length - 1];
  return last && last[0] === p[0] && last[1] === p[1] ? stroke : [...stroke, p];
}
