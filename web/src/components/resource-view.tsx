import type { ReactNode } from 'react';
import { ErrorBanner } from './error-banner.js';
import { Loading } from './loading.js';
import type { Resource } from './use-resource.js';

/** Renders a resource's loading state, its error, or its data. */
export function ResourceView<T>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  if (resource.error) return <ErrorBanner error={resource.error} onRetry={resource.reload} />;
  if (resource.data === undefined) return <Loading />;
  return <>{children(resource.data)}</>;
}
