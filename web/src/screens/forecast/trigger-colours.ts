/**
 * Theme colours for triggers on the calendar. Red (errors), gray (days off) and teal (the theme's
 * own, which marks the selected day) are left out so a trigger's dot never reads as one of those.
 */
const PALETTE = ['blue', 'orange', 'grape', 'cyan', 'pink', 'lime', 'indigo', 'yellow', 'violet', 'green'];

/**
 * A colour per trigger, by its place among the studio's active triggers (in id order), so the same
 * trigger keeps its colour in every cell, in the legend, and when the screen is narrowed to it.
 * Beyond ten triggers colours repeat; the names beside them tell triggers apart.
 */
export function triggerColours(triggerIds: Iterable<number>): (triggerId: number) => string {
  const sorted = [...new Set(triggerIds)].sort((a, b) => a - b);
  const place = new Map(sorted.map((id, i) => [id, i]));
  return (triggerId) => PALETTE[(place.get(triggerId) ?? triggerId) % PALETTE.length] as string;
}
