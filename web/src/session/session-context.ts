import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/api-client';
import type { Caller } from '../api/auth-api';
import type { StudioClock, StudioSettings } from '../api/studio-api';

/** The signed-in caller and what every screen needs of their current studio. */
export interface Session {
  readonly api: ApiClient;
  readonly caller: Caller;
  readonly studio: StudioSettings;
  /** The studio's now when it was last read (a sandbox's test clock). */
  readonly clock: StudioClock;
  switchStudio(studioId: number): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The session of a signed-in screen; the app renders those screens only inside one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
