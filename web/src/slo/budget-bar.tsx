import { budgetTone, formatShare } from './format.js';

const toneLabel = { ok: 'healthy', warn: 'low', danger: 'nearly spent', exhausted: 'exhausted', none: '' };

/**
 * Remaining error budget as a meter: green, amber, red, and "exhausted" once overspent. The number
 * is text beside the bar, so the bar's colour is never the only signal.
 */
export function BudgetBar({ remaining, label }: { remaining: number | null; label: string }) {
  const tone = budgetTone(remaining);
  const percent = remaining === null ? 0 : Math.min(100, Math.max(0, remaining * 100));
  const text = remaining === null ? 'no data' : tone === 'exhausted' ? 'exhausted' : formatShare(remaining);
  return (
    <div className={`budget budget-${tone}`} data-testid="budget-bar" data-remaining={remaining ?? ''}>
      {/* biome-ignore lint/a11y/useSemanticElements: <meter> cannot take the exhausted state's look in every browser */}
      <div
        className="budget-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent * 10) / 10}
        aria-valuetext={
          remaining === null ? 'no data' : `${formatShare(remaining)} remaining, ${toneLabel[tone]}`
        }
      >
        <span className="budget-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="budget-value" data-testid="budget-value">
        {text}
        {tone === 'exhausted' && remaining !== null && (
          <span className="budget-over"> ({formatShare(remaining)})</span>
        )}
      </span>
    </div>
  );
}
