/**
 * An instant as the studio reads it: in the studio's time zone, never the browser's (a studio in
 * Chicago looked at from a laptop in Berlin still talks in Chicago time). The zone is named beside
 * the times by the screens, not in every cell.
 */
export function formatInstant(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}
