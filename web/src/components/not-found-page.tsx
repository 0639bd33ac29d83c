import { Link } from 'react-router';
import { EmptyState } from './empty-state.js';
import { PageHeader } from './page-header.js';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="There is no page at this address.">
        <Link to="/">Go to the start page</Link>
      </EmptyState>
    </>
  );
}
