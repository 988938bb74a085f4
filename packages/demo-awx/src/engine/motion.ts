import type { JobEngine } from './engine.js';

/**
 * Motion: a timer that moves every unfinished workflow job one step each period, so a demo or a
 * subscription sees jobs progress without anybody driving them. Nested workflow jobs move with their
 * parent (see steps.ts), so only top-level ones, or those whose parent is gone or finished, are stepped.
 */

/** Starts stepping every `stepMs`; returns the function that stops it. */
export function startMotion(engine: JobEngine, stepMs: number): () => void {
  if (!(stepMs > 0)) throw new RangeError(`motion.stepMs must be a positive number of milliseconds, got ${stepMs}`);
  const timer = setInterval(() => engine.advanceAll(), stepMs);
  timer.unref();
  return () => clearInterval(timer);
}
