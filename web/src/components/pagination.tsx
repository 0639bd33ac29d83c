/** "21–40 of 95" with previous and next; offsets are zero-based like the API's. */
export function Pagination(props: {
  offset: number;
  limit: number;
  total: number;
  onChange(offset: number): void;
}) {
  const { offset, limit, total, onChange } = props;
  if (total <= limit && offset === 0) return null;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span className="pagination-range">
        {first}–{last} of {total}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        Previous
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        Next
      </button>
    </nav>
  );
}
