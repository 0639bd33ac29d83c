import { useDateTime } from '../components/format.js';
import type { SourceStatus } from './model.js';

const sourceNames: Record<string, string> = {
  api: 'Events API',
  cdevents: 'CDEvents',
  git: 'Git history',
  github: 'GitHub',
  gitlab: 'GitLab',
};

/** One card per source: is it alive (last event, last hour) and is it healthy (today's outcomes, last error). */
export function SourceCards({ sources }: { sources: SourceStatus[] }) {
  const dateTime = useDateTime();
  return (
    <ul className="source-cards">
      {sources.map((s) => {
        const headingId = `source-${s.source}`;
        const bad = s.today.rejected + s.today.unauthorized > 0;
        return (
          <li key={s.source} className={`panel source-card${bad ? ' source-card-warn' : ''}`}>
            <article aria-labelledby={headingId} data-testid={`source-${s.source}`}>
              <h3 id={headingId}>
                {sourceNames[s.source] ?? s.source} <code className="muted">{s.source}</code>
              </h3>
              <dl className="facts">
                <dt>Last event</dt>
                <dd>
                  {s.lastEventAt ? (
                    <time dateTime={s.lastEventAt}>{dateTime(s.lastEventAt)}</time>
                  ) : (
                    <span className="muted">never</span>
                  )}
                </dd>
                <dt>Events stored</dt>
                <dd data-testid="total-events">{count(s.totalEvents)}</dd>
                <dt>Last hour</dt>
                <dd>{count(s.eventsLastHour)}</dd>
              </dl>
              <h4>Today (UTC)</h4>
              <dl className="counts counts-small">
                <Count label="Accepted" n={s.today.accepted} />
                <Count label="Duplicates" n={s.today.duplicate} />
                <Count label="Rejected" n={s.today.rejected} warn />
                <Count label="Bad signatures" n={s.today.unauthorized} warn />
              </dl>
              {s.lastError && (
                <p className="source-error">
                  <span className="source-error-label">Last error</span>
                  {s.lastError.at && (
                    <>
                      {' '}
                      <time dateTime={s.lastError.at}>{dateTime(s.lastError.at)}</time>
                    </>
                  )}
                  : {s.lastError.message ?? 'no message'}
                </p>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}

function Count({ label, n, warn = false }: { label: string; n: number; warn?: boolean }) {
  return (
    <div className={warn && n > 0 ? 'count-warn' : undefined}>
      <dt>{label}</dt>
      <dd>{count(n)}</dd>
    </div>
  );
}

const count = (n: number) => n.toLocaleString();
