import { Center, Loader } from '@mantine/core';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ApiClient } from './api/api-client';
import { signOut as apiSignOut, switchStudio as apiSwitchStudio, type Caller } from './api/auth-api';
import { SignInScreen } from './screens/sign-in/sign-in-screen';
import { loadSession, type LoadedSession } from './session/load-session';
import { SessionContext, type Session } from './session/session-context';
import { lazyScreen } from './lazy-screen';
import { LoadFailed } from './shell/load-failed';
import { ScreenLoader } from './shell/screen-loader';

// The signed-in app (shell, navigation, screens) is fetched after signing in, not before.
const AppRoutes = lazyScreen(() => import('./app-routes'), 'AppRoutes');

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-in'; loaded: LoadedSession };

/**
 * The app's top: asks the server who is signed in, shows the sign-in screen to nobody and the
 * screens to somebody. Signed out, every address shows the sign-in screen and stays in the address
 * bar, so signing in lands on the page that was asked for.
 */
export function App({ api }: { api: ApiClient }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const navigate = useNavigate();

  const load = useCallback(
    async (known?: Caller) => {
      try {
        const loaded = await loadSession(api, known);
        setState(loaded ? { kind: 'signed-in', loaded } : { kind: 'signed-out' });
      } catch (error) {
        setState({ kind: 'failed', message: (error as Error).message });
      }
    },
    [api],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const session = useMemo<Session | null>(() => {
    if (state.kind !== 'signed-in') return null;
    return {
      api,
      ...state.loaded,
      switchStudio: async (studioId) => load(await apiSwitchStudio(api, studioId)),
      signOut: async () => {
        await apiSignOut(api);
        api.setCsrfToken(null);
        setState({ kind: 'signed-out' });
        void navigate('/');
      },
    };
  }, [api, state, load, navigate]);

  if (state.kind === 'loading')
    return (
      <Center h="100vh">
        <Loader role="progressbar" aria-label="Loading" />
      </Center>
    );
  if (state.kind === 'failed') return <LoadFailed message={state.message} onRetry={() => void load()} />;
  if (!session) return <SignInScreen api={api} onSignedIn={(caller) => load(caller)} />;
  return (
    <SessionContext.Provider value={session}>
      <Suspense fallback={<ScreenLoader label="Loading" />}>
        <AppRoutes />
      </Suspense>
    </SessionContext.Provider>
  );
}
