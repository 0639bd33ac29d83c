import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../access/session.js';
import { ApiError } from '../api.js';
import { ErrorBanner } from '../components/error-banner.js';
import { PageHeader } from '../components/page-header.js';
import { YamlImportForm } from '../components/yaml-import-form.js';
import type { ImportResult } from './model.js';
import { apiPath, sloPath, slosPath } from './paths.js';

const example = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  indicatorRef: checkout-requests
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999`;

/** One problem, located: the file, the YAML document in it (1-based, as people count) and the field. */
interface Problem {
  file: string;
  document: number | null;
  path: string;
  message: string;
}

/** Paste OpenSLO v1 YAML: all objects are imported, or none and every problem is listed with its path. */
export function SloImportPage() {
  const { api } = useSession();
  const [path, setPath] = useState('slos.yaml');
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<unknown>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setProblems([]);
    try {
      const res = await api.post<ImportResult>(apiPath.import, { files: [{ path, content }] });
      setResult(res);
      setProblems(res.errors.map((p) => ({ ...p, document: p.document + 1 })));
    } catch (err) {
      const located = err instanceof ApiError && err.status === 422 ? locate(err, [path]) : [];
      if (located.length > 0) setProblems(located);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title="Import SLOs" kicker="Reliability">
        <p className="muted">
          Paste OpenSLO v1 YAML: SLOs, SLIs, alert policies, conditions and notification targets, separated by{' '}
          <code>---</code>. Objects replace stored ones of the same kind and name; with any problem nothing is
          imported.
        </p>
      </PageHeader>

      <YamlImportForm
        idPrefix="slo-import"
        contentLabel="OpenSLO YAML"
        example={example}
        path={path}
        onPath={setPath}
        content={content}
        onContent={setContent}
        busy={busy}
        onSubmit={submit}
      />

      <div aria-live="polite">
        {error !== undefined && <ErrorBanner error={error} />}
        {problems.length > 0 && <Problems problems={problems} />}
        {result && result.imported.length > 0 && <Imported result={result} />}
      </div>
    </>
  );
}

/** The API points into the request: `/files/0/content/2/spec/objectives/0/target`. */
function locate(err: ApiError, files: string[]): Problem[] {
  return err.errors.map((e) => {
    const m = /^\/files\/(\d+)\/content(?:\/(\d+))?(.*)$/.exec(e.path);
    if (!m) return { file: '', document: null, path: e.path, message: e.message };
    return {
      file: files[Number(m[1])] ?? `file ${Number(m[1]) + 1}`,
      document: m[2] === undefined ? null : Number(m[2]) + 1,
      path: m[3] || '/',
      message: e.message,
    };
  });
}

function Problems({ problems }: { problems: Problem[] }) {
  return (
    <section className="section" aria-labelledby="slo-import-problems">
      <div className="banner banner-error" role="alert">
        <p className="banner-title" id="slo-import-problems">
          Nothing was imported: {problems.length === 1 ? '1 problem' : `${problems.length} problems`}
        </p>
        <ul className="banner-fields" data-testid="import-problems">
          {problems.map((p) => (
            <li key={`${p.file}#${p.document}${p.path}:${p.message}`}>
              {p.file && (
                <span className="muted">
                  {p.file}
                  {p.document !== null && `, document ${p.document}`}:{' '}
                </span>
              )}
              <code>{p.path}</code> {p.message}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function Imported({ result }: { result: ImportResult }) {
  return (
    <section className="section" aria-labelledby="slo-import-result">
      <h2 id="slo-import-result">Imported</h2>
      <p>
        {result.imported.length === 1 ? '1 object' : `${result.imported.length} objects`}.{' '}
        <Link to={slosPath}>See all SLOs</Link>
      </p>
      <ul className="imported" data-testid="imported">
        {result.imported.map((i) => (
          <li key={`${i.kind}:${i.name}`}>
            <span className="badge">{i.kind}</span>{' '}
            {i.kind === 'SLO' ? <Link to={sloPath(i.name)}>{i.name}</Link> : <span>{i.name}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
