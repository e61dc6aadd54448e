import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { getMe, type Caller } from '../api/auth-api';
import { getClock, getStudio, type StudioClock, type StudioSettings } from '../api/studio-api';

export interface LoadedSession {
  readonly caller: Caller;
  readonly studio: StudioSettings;
  readonly clock: StudioClock;
}

/**
 * Everything a signed-in screen starts from, read in parallel: the caller (and the CSRF token that
 * writes need), the studio's settings (its time zone) and its clock. Null when nobody is signed in.
 */
export async function loadSession(api: ApiClient, known?: Caller): Promise<LoadedSession | null> {
  try {
    const [caller, studio, clock] = await Promise.all([
      known ? Promise.resolve(known) : getMe(api),
      getStudio(api),
      getClock(api),
    ]);
    api.setCsrfToken(caller.csrf_token);
    return { caller, studio, clock };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
