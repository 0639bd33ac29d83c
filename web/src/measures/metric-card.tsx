import { Link } from 'react-router';
import { LevelBadge } from './level-badge.js';
import { isUnconfirmed, levelOf, type Metric } from './metrics.js';
import type { DoraAnswer } from './model.js';
import { consoleEventsLink } from './paths.js';

/** One DORA number: value and level, the counts behind it, how it is defined, and what it is made of. */
export function MetricCard({ metric: m, answer: a }: { metric: Metric; answer: DoraAnswer }) {
  const id = `metric-${m.key}`;
  const link = m.linkText(a);
  return (
    <article className="metric-card" aria-labelledby={id} data-metric={m.key}>
      <header className="metric-card-header">
        <h3 id={id}>{m.title}</h3>
        {m.levelKey ? (
          <LevelBadge level={levelOf(a, m)} unconfirmed={isUnconfirmed(a, m)} />
        ) : (
          <span className="level-note" title="DORA publishes no performance levels for rework rate yet">
            no levels
          </span>
        )}
      </header>
      <p className="metric-value" data-testid="metric-value">
        {m.value(a)}
      </p>
      <ul className="metric-counts" data-testid="metric-counts">
        {m.counts(a).map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="metric-card-footer">
        {link ? (
          <Link to={consoleEventsLink(a.events[m.key])}>{link}</Link>
        ) : (
          <span className="muted">Nothing to list in this window</span>
        )}
        <details className="definition">
          <summary>Definition</summary>
          <p>{a.definitions[m.key]}</p>
        </details>
      </div>
    </article>
  );
}
