/** The smallest click target a mark of a chart gets, in pixels, however thin it is drawn. */
export const MIN_TARGET = 10;

export interface Band {
  /** Distance from the foot of the stack, in pixels. */
  start: number;
  size: number;
}

/**
 * Click targets for the segments of one stacked bar, from the foot up: a segment drawn thinner
 * than `min` (one person in a bar of 300) still gets `min` pixels, taken from its thicker
 * neighbours, so that the targets never overlap and every segment can be hit. Only when the
 * whole bar is too short for that do the targets grow past its top. Empty segments get none.
 */
export function hitBands(heights: readonly number[], min: number = MIN_TARGET): Band[] {
  const drawn = heights.filter((height) => height > 0);
  const total = drawn.reduce((sum, height) => sum + height, 0);
  const deficit = drawn.reduce((sum, height) => sum + Math.max(0, min - height), 0);
  const slack = drawn.reduce((sum, height) => sum + Math.max(0, height - min), 0);
  // Each thick segment gives up a share of the thin ones' deficit in proportion to what it has
  // above the minimum; when that is not enough, every segment gets exactly the minimum.
  const giveUp = slack === 0 ? 0 : Math.min(1, deficit / slack);
  const fits = total >= drawn.length * min;
  let start = 0;
  return heights.map((height) => {
    const size = height <= 0 ? 0 : !fits || height <= min ? min : height - (height - min) * giveUp;
    const band = { start, size };
    start += size;
    return band;
  });
}
