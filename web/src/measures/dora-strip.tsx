import { Link } from 'react-router';
import { ErrorBanner } from '../components/error-banner.js';
import { Loading } from '../components/loading.js';
import { useResource } from '../components/use-resource.js';
import { LevelBadge } from './level-badge.js';
import { isUnconfirmed, levelOf, metrics } from './metrics.js';
import type { DoraAnswer } from './model.js';
import { apiPath, doraLink } from './paths.js';

/** The four key numbers of the last 30 days in production, for a service or team page. */
export function DoraStrip({ scope }: { scope: { service: string } | { team: string } }) {
  const answer = useResource<DoraAnswer>(apiPath.dora({ ...scope, last: '30' }));
  const label = 'service' in scope ? scope.service : scope.team;
  return (
    <section className="section dora-strip" aria-labelledby="dora-strip-title">
      <div className="subsection-header">
        <h2 id="dora-strip-title">DORA (last 30 days)</h2>
        <Link to={doraLink(scope)}>Open the DORA dashboard for {label}</Link>
      </div>
      {answer.error !== undefined ? (
        <ErrorBanner error={answer.error} onRetry={answer.reload} />
      ) : !answer.data ? (
        <Loading />
      ) : (
        <Numbers answer={answer.data} />
      )}
    </section>
  );
}

function Numbers({ answer: a }: { answer: DoraAnswer }) {
  return (
    <dl className="strip">
      {metrics
        .filter((m) => m.levelKey)
        .map((m) => (
          <div key={m.key} className="strip-item">
            <dt>{m.title}</dt>
            <dd className="strip-numbers">
              <span className="strip-value">{m.value(a)}</span>
              <LevelBadge level={levelOf(a, m)} unconfirmed={isUnconfirmed(a, m)} />
            </dd>
          </div>
        ))}
    </dl>
  );
}
