import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../access/session.js';
import { ErrorBanner } from '../components/error-banner.js';
import { PageHeader } from '../components/page-header.js';
import { YamlImportForm } from '../components/yaml-import-form.js';
import type { ImportResult } from './model.js';
import { servicePath, systemPath, teamPath } from './paths.js';

const example = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
spec:
  type: service
  lifecycle: production
  owner: payments`;

/** Paste catalog-info.yaml content; every entity imported and every problem found is listed. */
export function ImportPage() {
  const { api } = useSession();
  const [path, setPath] = useState('catalog-info.yaml');
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<unknown>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await api.post<ImportResult>('/catalog/import', { files: [{ path, content }] }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title="Import catalog" kicker="Catalog">
        <p className="muted">
          Paste Backstage <code>catalog-info.yaml</code> content. Several documents may be separated by{' '}
          <code>---</code>.
        </p>
      </PageHeader>

      <YamlImportForm
        idPrefix="import"
        contentLabel="YAML"
        example={example}
        path={path}
        onPath={setPath}
        content={content}
        onContent={setContent}
        busy={busy}
        onSubmit={submit}
      />

      {error !== undefined && <ErrorBanner error={error} />}
      {result && <ImportReport result={result} />}
    </>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  return (
    <section className="section" aria-labelledby="import-result" aria-live="polite">
      <h2 id="import-result">Result</h2>
      <p>
        {`Imported ${result.imported.length} ${result.imported.length === 1 ? 'entity' : 'entities'}`}
        {result.errors.length > 0 &&
          `, ${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}`}
        .
      </p>
      {Object.keys(result.counts).length > 0 && (
        <dl className="counts">
          {Object.entries(result.counts).map(([k, n]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
      )}
      {result.errors.length > 0 && (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">Problems found</p>
          <ul className="banner-fields">
            {result.errors.map((e) => (
              <li key={`${e.file}#${e.document}${e.path}:${e.message}`}>
                <code>
                  {e.file}#{e.document} {e.path}
                </code>
                : {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.imported.length > 0 && (
        <ul className="imported">
          {result.imported.map((i) => (
            <li key={`${i.kind}:${i.name}`}>
              <span className="badge">{i.kind}</span> <EntityLink kind={i.kind} name={i.name} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EntityLink({ kind, name }: { kind: string; name: string }) {
  const k = kind.toLowerCase();
  if (k === 'component' || k === 'service') return <Link to={servicePath(name)}>{name}</Link>;
  if (k === 'group' || k === 'team') return <Link to={teamPath(name)}>{name}</Link>;
  if (k === 'system') return <Link to={systemPath(name)}>{name}</Link>;
  return <span>{name}</span>;
}
