import { afterAll, beforeAll } from 'vitest';
import type { Session } from '../src/session/session-context';
import { ownerSession } from './session-render';
import { startTestStudio } from './test-studio';

/**
 * A test studio whose owner is signed in, started before a file's tests and closed after them, with
 * `startTestStudio`'s studio settings and server environment. Read its fields inside the tests
 * (they are set by then).
 */
export function useOwnerStudio(...studioArgs: Parameters<typeof startTestStudio>) {
  const ready = {} as { studio: Awaited<ReturnType<typeof startTestStudio>>; session: Session };
  beforeAll(async () => {
    // jsdom lays nothing out; Mantine scrolls an opened list to its selected option.
    Element.prototype.scrollIntoView = () => {};
    ready.studio = await startTestStudio(...studioArgs);
    ready.session = await ownerSession(ready.studio.api, ready.studio.email, ready.studio.password);
  });
  afterAll(() => ready.studio.close());
  return ready;
}
