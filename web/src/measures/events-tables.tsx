import { Link } from 'react-router';
import { ServiceLink } from '../catalog/entity-links.js';
import { useDateTime } from '../components/format.js';
import { ShortSha } from '../ledger/badges.js';
import { deploymentPath } from '../ledger/paths.js';
import { formatDuration } from './format.js';
import type { ChangeEvent, DeploymentEvent } from './model.js';

function DeploymentLink({ id }: { id: string }) {
  return (
    <Link className="deployment-id" to={deploymentPath(id)}>
      {id}
    </Link>
  );
}

function Finished({ at }: { at: string }) {
  const dateTime = useDateTime();
  return <time dateTime={at}>{dateTime(at)}</time>;
}

/** Counted deployments, newest first; several records of one pipeline run share a row. */
export function DeploymentsTable(props: {
  deployments: DeploymentEvent[];
  caption: string;
  showRecovery: boolean;
}) {
  const { deployments, caption, showRecovery } = props;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Deployment</th>
            <th scope="col">Finished</th>
            <th scope="col">Service</th>
            <th scope="col">Outcome</th>
            {showRecovery && <th scope="col">Why it counts as failed</th>}
            {showRecovery && (
              <th scope="col" className="numeric">
                Recovery
              </th>
            )}
            <th scope="col" className="numeric">
              Changes
            </th>
          </tr>
        </thead>
        <tbody>
          {deployments.map((d) => (
            <tr
              key={d.deployments.join('+')}
              className={d.failed ? 'row-failed' : d.unplanned ? 'row-unplanned' : undefined}
            >
              <th scope="row" className="cell-wrap">
                {d.deployments.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ' + '}
                    <DeploymentLink id={id} />
                  </span>
                ))}
                {d.deployments.length > 1 && <span className="cell-sub">one pipeline run</span>}
              </th>
              <td>
                <Finished at={d.finishedAt} />
              </td>
              <td>
                <ServiceLink name={d.service} />
              </td>
              <td>
                <span className="badges-inline">
                  {d.failed && <span className="badge badge-status-failure">Failed</span>}
                  {d.unplanned && <span className="badge badge-warn">Unplanned</span>}
                  {d.excluded && (
                    <span className="badge" title="Excluded from lead time: nothing to compare it with">
                      {d.excluded === 'first-deployment' ? 'First deployment' : 'Unknown baseline'}
                    </span>
                  )}
                  {!d.failed && !d.unplanned && !d.excluded && <span className="muted">Succeeded</span>}
                </span>
              </td>
              {showRecovery && (
                <td className="cell-wrap">
                  <FailedBecause because={d.failedBecause} />
                </td>
              )}
              {showRecovery && (
                <td className="numeric">
                  {d.recoverySeconds === null ? (
                    <span className="muted">not recovered</span>
                  ) : (
                    formatDuration(d.recoverySeconds)
                  )}
                </td>
              )}
              <td className="numeric">{d.changes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FailedBecause({ because }: { because: DeploymentEvent['failedBecause'] }) {
  const { incidents, restoredBy } = because;
  if (incidents.length === 0 && restoredBy.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="reasons">
      {incidents.length > 0 && (
        <li>
          {incidents.length === 1 ? 'Incident' : 'Incidents'} {incidents.join(', ')}
        </li>
      )}
      {restoredBy.length > 0 && (
        <li>
          Restored by{' '}
          {restoredBy.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <DeploymentLink id={id} />
            </span>
          ))}
        </li>
      )}
    </ul>
  );
}

/** Each shipped commit with its lead time; a value not after the deployment is shown but not counted. */
export function ChangesTable({ changes, caption }: { changes: ChangeEvent[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Commit</th>
            <th scope="col">Service</th>
            <th scope="col">Deployment</th>
            <th scope="col">Finished</th>
            <th scope="col" className="numeric">
              Lead time
            </th>
            <th scope="col">Counted</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={`${c.deployment}:${c.sha}`}>
              <th scope="row">
                <ShortSha sha={c.sha} />
              </th>
              <td>
                <ServiceLink name={c.service} />
              </td>
              <td>
                <DeploymentLink id={c.deployment} />
              </td>
              <td>
                <Finished at={c.finishedAt} />
              </td>
              <td className="numeric">{formatDuration(c.leadTimeSeconds)}</td>
              <td>
                {c.counted ? (
                  'Yes'
                ) : (
                  <span className="muted">
                    {c.leadTimeSeconds === null ? 'No: no start time' : 'No: not before the deployment'}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
