import type { Tier } from './model.js';

/** Tier 1 is the most critical; the badge's colour says so before the number is read. */
export function TierBadge({ tier }: { tier: Tier | null }) {
  if (tier === null) return <span className="muted">—</span>;
  return <span className={`badge badge-tier-${tier}`}>Tier {tier}</span>;
}

export function LifecycleBadge({ lifecycle }: { lifecycle: string }) {
  return (
    <span className={`badge badge-lifecycle badge-${lifecycle.replace(/[^a-z0-9-]/gi, '')}`}>
      {lifecycle}
    </span>
  );
}
