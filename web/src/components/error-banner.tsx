import { ApiError } from '../api.js';

/** Shows a failed request readably: the problem's title and detail, then every wrong field. */
export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const e = describe(error);
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">{e.title}</p>
      {e.detail && <p className="banner-detail">{e.detail}</p>}
      {e.errors.length > 0 && (
        <ul className="banner-fields">
          {e.errors.map((f) => (
            <li key={`${f.in ?? ''}${f.path}:${f.message}`}>
              <code>{f.in ? `${f.in} ${f.path}` : f.path}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
      {e.requestId && <p className="banner-meta">Request id {e.requestId}</p>}
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

function describe(error: unknown): Pick<ApiError, 'title' | 'detail' | 'errors' | 'requestId'> {
  if (error instanceof ApiError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return { title: 'Something went wrong', detail, errors: [], requestId: undefined };
}
