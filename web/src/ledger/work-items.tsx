/** Work item keys (e.g. PAY-142) a commit or change names, as a compact list. */
export function WorkItems({ items }: { items: string[] }) {
  if (items.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="tag-list">
      {items.map((w) => (
        <li key={w} className="tag">
          {w}
        </li>
      ))}
    </ul>
  );
}
