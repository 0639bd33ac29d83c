import { useState } from 'react';
import { useSession } from '../access/session.js';
import { ErrorBanner } from '../components/error-banner.js';
import { useDateTime } from '../components/format.js';
import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { type SourceSecret, type WebhookSource, webhookSources } from './model.js';
import { apiPath } from './paths.js';

/** How long the replaced secret is still accepted, so deliveries continue while the webhook is updated. */
const graceHours = 72;

const help: Record<WebhookSource, { name: string; where: string; events: string }> = {
  github: {
    name: 'GitHub',
    where:
      'Repository or organisation settings → Webhooks → Add webhook. Payload URL below, content type application/json, the secret below.',
    events:
      'Pushes, Pull requests, Deployments, Deployment statuses, Workflow runs, Check suites, Releases, Issues.',
  },
  gitlab: {
    name: 'GitLab',
    where:
      'Project or group settings → Webhooks → Add new webhook. URL below, the secret below as Secret token.',
    events:
      'Push events, Merge request events, Pipeline events, Job events, Deployment events, Releases, Issues.',
  },
};

/** Where to point GitHub and GitLab, and (for tenant-admins) a new signing secret, shown once. */
export function WebhookSetup({ canManageSecrets }: { canManageSecrets: boolean }) {
  const { tenant } = useSession();
  const secrets = useResource<{ items: SourceSecret[] }>(canManageSecrets ? '/ingest/secrets' : null);
  return (
    <div className="detail-grid">
      {webhookSources.map((source) => {
        const url = `${location.origin}/webhooks/${source}/${encodeURIComponent(tenant)}`;
        return (
          <section key={source} className="panel" aria-labelledby={`webhook-${source}`}>
            <h3 id={`webhook-${source}`}>{help[source].name}</h3>
            <p className="muted">{help[source].where}</p>
            <dl className="facts">
              <dt>URL</dt>
              <dd>
                <code className="copyable" data-testid={`webhook-url-${source}`}>
                  {url}
                </code>
              </dd>
              <dt>Events</dt>
              <dd>{help[source].events}</dd>
              {canManageSecrets && (
                <>
                  <dt>Secret</dt>
                  <dd>
                    <ResourceView resource={secrets}>
                      {({ items }) => <SecretState secrets={items.filter((s) => s.source === source)} />}
                    </ResourceView>
                  </dd>
                </>
              )}
            </dl>
            {canManageSecrets ? (
              <NewSecret
                source={source}
                replacing={(secrets.data?.items ?? []).some(
                  (s) => s.source === source && s.expiresAt === null,
                )}
                onSet={secrets.reload}
              />
            ) : (
              <p className="muted">A tenant-admin sets the secret that signs these webhooks.</p>
            )}
          </section>
        );
      })}
    </div>
  );
}

function SecretState({ secrets }: { secrets: SourceSecret[] }) {
  const dateTime = useDateTime();
  const current = secrets.find((s) => s.expiresAt === null);
  const previous = secrets.filter((s) => s.expiresAt !== null && Date.parse(s.expiresAt) > Date.now());
  if (!current) return <span className="muted">None set: webhooks are refused until one is.</span>;
  return (
    <>
      Set on <time dateTime={current.createdAt}>{dateTime(current.createdAt)}</time>
      {previous.map((p) => (
        <span key={p.id} className="cell-sub">
          The one before stays valid until{' '}
          <time dateTime={p.expiresAt ?? ''}>{dateTime(p.expiresAt ?? '')}</time>
        </span>
      ))}
    </>
  );
}

function NewSecret(props: { source: WebhookSource; replacing: boolean; onSet(): void }) {
  const { source, onSet } = props;
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [secret, setSecret] = useState<string>();
  const [replaced, setReplaced] = useState(false);

  async function rotate() {
    // Whether a secret is being replaced is known before the list reloads with the new one.
    setReplaced(props.replacing);
    setBusy(true);
    setError(undefined);
    setSecret(undefined);
    try {
      const res = await api.put<SourceSecret & { secret: string }>(apiPath.secret(source), {
        previousValidForHours: graceHours,
      });
      setSecret(res.secret);
      onSet();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="secret">
      <button type="button" className="button button-small" disabled={busy} onClick={() => void rotate()}>
        {busy ? (
          'Setting…'
        ) : (
          <>
            Set new <span className="visually-hidden">{help[source].name} </span>secret
          </>
        )}
      </button>
      {error !== undefined && <ErrorBanner error={error} />}
      <div role="status">
        {secret && (
          <div className="secret-once">
            <p className="secret-once-title">
              New {help[source].name} secret. Copy it now: it is not shown again.
            </p>
            <code className="copyable" data-testid={`secret-${source}`}>
              {secret}
            </code>
            <p className="muted">
              {replaced
                ? `The previous secret stays valid for ${graceHours} hours, while you update the webhook.`
                : 'Enter it as the webhook’s secret; deliveries are accepted from now on.'}
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
