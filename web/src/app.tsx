import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import type { Me } from './access/model.js';
import { type Session, SessionContext } from './access/session.js';
import { fetchMe, signOut } from './access/session-api.js';
import { SignInPage } from './access/sign-in-page.js';
import { chosenTenant, rememberTenant } from './access/tenant-choice.js';
import { ApiError, createApiClient } from './api.js';
import { capabilities, homePath, navigation } from './capabilities.js';
import { ErrorBanner } from './components/error-banner.js';
import { Layout } from './components/layout.js';
import { Loading } from './components/loading.js';
import { NotFoundPage } from './components/not-found-page.js';

type State =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'failed'; error: unknown }
  | { status: 'signed-in'; me: Me; tenant: string };

/** GET /api/v1/me decides: the sign-in page on 401, otherwise the console in the chosen tenant. */
export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const navigate = useNavigate();

  const load = useCallback(async () => {
    try {
      const me = await fetchMe();
      setState({ status: 'signed-in', me, tenant: chosenTenant(me) });
    } catch (error) {
      setState(
        error instanceof ApiError && error.status === 401
          ? { status: 'signed-out' }
          : { status: 'failed', error },
      );
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const me = state.status === 'signed-in' ? state.me : undefined;
  const tenant = state.status === 'signed-in' ? state.tenant : undefined;
  // Only a provider-admin acting outside its home tenant needs the header. Kept apart from the
  // session so that navigating (which renews `navigate`) does not make every page refetch.
  const api = useMemo(
    () =>
      me &&
      createApiClient({
        ...(tenant !== me.tenant ? { tenant } : {}),
        onUnauthorized: () => setState({ status: 'signed-out' }),
      }),
    [me, tenant],
  );
  const session = useMemo<Session | null>(() => {
    if (!me || !tenant || !api) return null;
    return {
      me,
      tenant,
      api,
      switchTenant(id) {
        rememberTenant(id);
        setState({ status: 'signed-in', me, tenant: id });
      },
      async signOut() {
        await signOut().catch(() => {});
        setState({ status: 'signed-out' });
        navigate('/');
      },
    };
  }, [me, tenant, api, navigate]);

  if (state.status === 'loading') {
    return (
      <div className="centered">
        <Loading />
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="centered">
        <ErrorBanner error={state.error} onRetry={() => void load()} />
      </div>
    );
  }
  if (!session) return <SignInPage onSignedIn={load} />;
  return (
    <SessionContext.Provider value={session}>
      <Layout navigation={navigation}>
        {/* Keyed by tenant: switching remounts every page, so each reloads its data. */}
        <Routes key={session.tenant}>
          <Route path="/" element={<Navigate to={homePath} replace />} />
          {capabilities
            .flatMap((c) => c.routes)
            .map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Layout>
    </SessionContext.Provider>
  );
}
