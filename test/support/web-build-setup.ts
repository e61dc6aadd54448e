// @ts-expect-error: a plain ES module shared with `npm start`, without type declarations.
import { buildWebIfStale } from '../../scripts/build-web-if-stale.mjs';

/** The browser journeys drive the built web app: build it first when it is missing or stale. */
export default function setup(): void {
  (buildWebIfStale as () => boolean)();
}
