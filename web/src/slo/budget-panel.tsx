import { useDateTime } from '../components/format.js';
import { BudgetBar } from './budget-bar.js';
import { formatAmount, formatBurnRate, formatShare, formatTarget } from './format.js';
import type { BudgetAnswer } from './model.js';

const burnWindows = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];

/** The first objective's budget now: how big, how much is spent, how long it lasts at this pace. */
export function BudgetPanel({ budget: b }: { budget: BudgetAnswer }) {
  const dateTime = useDateTime();
  const budget = b.budget;
  return (
    <section className="panel budget-panel" aria-labelledby="slo-budget">
      <h2 id="slo-budget">Error budget</h2>
      {b.problem && <p className="notice">{b.problem}</p>}
      {b.objectives.length > 1 && (
        <p className="muted">
          The first objective ({b.displayName ?? formatTarget(b.target)}) of {b.objectives.length}.
        </p>
      )}
      <div className="budget-headline">
        <div>
          <p className="budget-big" data-testid="budget-remaining">
            {formatShare(budget?.remainingFraction ?? null)}
          </p>
          <p className="muted">of the error budget remains</p>
        </div>
        <div className="budget-headline-bar">
          <BudgetBar remaining={budget?.remainingFraction ?? null} label="Error budget left" />
        </div>
      </div>
      <dl className="facts budget-facts" data-testid="budget-facts">
        <dt>Attainment</dt>
        <dd>
          <strong>{formatTarget(b.attainment)}</strong>{' '}
          <span className="muted">against {formatTarget(b.target)}</span>
        </dd>
        <dt>Total budget</dt>
        <dd>{budget ? formatAmount(budget.total, budget.unit) : '—'}</dd>
        <dt>Consumed</dt>
        <dd>
          {budget ? (
            <>
              {formatAmount(budget.consumed, budget.unit)}{' '}
              <span className="muted">
                ({formatShare(budget.total > 0 ? budget.consumed / budget.total : null)})
              </span>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Remaining</dt>
        <dd>
          {budget ? (
            <>
              {formatAmount(budget.remaining, budget.unit)}{' '}
              <span className="muted">({formatShare(budget.remainingFraction)})</span>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Exhaustion forecast</dt>
        <dd data-testid="budget-forecast">
          {b.forecast?.exhaustsAt ? (
            <>
              <time dateTime={b.forecast.exhaustsAt}>{dateTime(b.forecast.exhaustsAt)}</time>
              <span className="cell-sub">
                at the last 6 hours' burn rate, {formatBurnRate(b.forecast.burnRate)}
              </span>
            </>
          ) : (
            <span className="muted">
              {b.forecast?.burnRate === null || !b.forecast
                ? 'No recent data'
                : 'Not within this window at the current burn rate'}
            </span>
          )}
        </dd>
        <dt>Data coverage</dt>
        <dd data-testid="budget-coverage">
          {formatShare(b.dataCoverage)} <span className="muted">of the window's minutes have samples</span>
        </dd>
      </dl>
      <h3 className="burn-title">Burn rates now</h3>
      <dl className="burn-strip">
        {burnWindows.map((w) => {
          const r = b.burnRates[w];
          return (
            <div key={w} className={r !== null && r !== undefined && r >= 1 ? 'burn-high' : ''}>
              <dt>{w}</dt>
              <dd className="burn-value">{formatBurnRate(r)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
