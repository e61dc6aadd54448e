import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { ApiClient } from '../src/api/api-client';
import { signIn } from '../src/api/auth-api';
import { loadSession } from '../src/session/load-session';
import { SessionContext, type Session } from '../src/session/session-context';

/** Signs the studio's owner in through the real API and gives back the session a screen reads. */
export async function ownerSession(api: ApiClient, email: string, password: string): Promise<Session> {
  const caller = await signIn(api, email, password);
  const loaded = await loadSession(api, caller);
  if (!loaded) throw new Error('not signed in');
  return { api, ...loaded, switchStudio: async () => {}, signOut: async () => {} };
}

/** A screen as the app shows it: Mantine, a router at `path`, and the signed-in session. */
export function renderScreen(session: Session, path: string, screen: ReactNode) {
  return render(
    <MantineProvider>
      <MemoryRouter initialEntries={[path]}>
        <SessionContext.Provider value={session}>{screen}</SessionContext.Provider>
      </MemoryRouter>
    </MantineProvider>,
  );
}
