/**
 * A wall-clock time of the studio ("2026-03-12T09:00", as a datetime field gives it) as an instant
 * with an offset, read in the studio's time zone rather than the browser's. The offset is the zone's
 * at that moment; a time skipped by a daylight-saving change lands an hour later, as clocks do.
 */
export function instantOfStudioTime(local: string, timeZone: string): string {
  const wall = Date.parse(`${local}:00Z`);
  if (Number.isNaN(wall)) throw new Error(`not a date and time: ${local}`);
  // Twice: the first guess may sit on the other side of a change of offset.
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The studio's wall-clock time of an instant, in the datetime field's form ("YYYY-MM-DDTHH:mm"). */
export function studioTimeOfInstant(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  return new Date(instant + offsetAt(instant, timeZone)).toISOString().slice(0, 16);
}

/** How far the zone's wall clock is ahead of UTC at the instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}
