import { type FormEvent, useState } from 'react';
import { ErrorBanner } from '../components/error-banner.js';
import { usePageTitle } from '../components/page-title.js';
import { signIn } from './session-api.js';

/** Pasting an API token starts a session; the token itself is never kept in the browser. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  usePageTitle('Sign in');
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(token.trim());
      await onSignedIn();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <main className="sign-in-card">
        <p className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          Throughline
        </p>
        <h1>Sign in</h1>
        <p className="muted">Paste an API token. The console keeps a session cookie, not the token.</p>
        {error !== undefined && <ErrorBanner error={error} />}
        <form onSubmit={submit} className="form">
          <label htmlFor="token">API token</label>
          <input
            id="token"
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={busy || !token.trim()}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}
