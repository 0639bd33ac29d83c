import { safeUrl } from '../components/safe-url.js';

/** A repository URL shown without its scheme (github.com/acme/shop), linked when it is http(s). */
export function RepoLink({ repo }: { repo: string | null }) {
  if (!repo) return <span className="muted">—</span>;
  const label = repo.replace(/^https?:\/\//, '');
  const href = safeUrl(repo);
  return href ? (
    <a href={href} rel="noopener noreferrer" target="_blank">
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}
