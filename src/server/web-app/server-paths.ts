/**
 * Paths the server answers itself, never with the staff web app: the API, the built app's assets,
 * and the public pages clients open from messages (unsubscribe links under /u/, web form links under
 * /forms/ and embeddable contact forms under /f/). An unknown path under one of them stays the
 * server's 404 instead of turning into the app's page, so a mistyped API call still gets JSON and a
 * dead link in an email is not answered with a staff sign-in screen.
 */
export const SERVER_PATH_PREFIXES = ['/api/', '/assets/', '/u/', '/forms/', '/f/'] as const;

/** The path (no query) belongs to the server, not to the web app's client-side routes. */
export function isServerPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === '/api' || SERVER_PATH_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * A path the web app may own: not the server's, and not a file name (a missing /favicon.ico or
 * /robots.txt is a 404, not the app's page).
 */
export function isAppRoute(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !isServerPath(path) && !last.includes('.');
}
