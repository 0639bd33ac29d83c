import type { ReactNode } from 'react';
import { usePageTitle } from './page-title.js';

/** The page's one h1, an optional kicker above it (e.g. "Service") and actions beside it. */
export function PageHeader(props: {
  title: string;
  kicker?: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  usePageTitle(props.title);
  return (
    <header className="page-header">
      <div>
        {props.kicker && <p className="page-kicker">{props.kicker}</p>}
        <h1>{props.title}</h1>
        {props.children}
      </div>
      {props.actions && <div className="page-actions">{props.actions}</div>}
    </header>
  );
}
