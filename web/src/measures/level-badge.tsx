import type { Level } from './model.js';

const label: Record<Level, string> = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };

/**
 * A DORA performance level. "Unconfirmed" marks a cell the chosen report does not publish (Throughline
 * fills it in), so nobody steers by it as if DORA had said so.
 */
export function LevelBadge({ level, unconfirmed = false }: { level: Level | null; unconfirmed?: boolean }) {
  if (level === null) {
    return (
      <span className="badge level level-none" title="Not enough data in this window to rate">
        Not rated
      </span>
    );
  }
  return (
    <span className="level-wrap">
      <span className={`badge level level-${level}${unconfirmed ? ' level-unconfirmed' : ''}`}>
        {label[level]}
      </span>
      {unconfirmed && (
        <span className="level-note" title="The chosen DORA report publishes no threshold for this cell">
          unconfirmed
        </span>
      )}
    </span>
  );
}
