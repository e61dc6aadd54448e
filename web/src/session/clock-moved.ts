const CLOCK_MOVED = 'triggerfish:clock-moved';

/**
 * Tells every part of the app that shows the studio's clock (the sandbox banner) that it was just
 * advanced, so it reads it again now instead of at its next minute.
 */
export function announceClockMoved(): void {
  window.dispatchEvent(new Event(CLOCK_MOVED));
}

/** Calls `listener` whenever the clock is advanced; returns the unsubscribe. */
export function onClockMoved(listener: () => void): () => void {
  window.addEventListener(CLOCK_MOVED, listener);
  return () => window.removeEventListener(CLOCK_MOVED, listener);
}
