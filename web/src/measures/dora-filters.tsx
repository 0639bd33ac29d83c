import type { Page, Service, Team } from '../catalog/model.js';
import { useResource } from '../components/use-resource.js';
import { formatDayRange } from './format.js';
import { type DoraSettings, levelVersions, windowDays } from './model.js';
import type { DoraQuery } from './paths.js';

/** Scope, environment, window and levels table of the dashboard; every choice lives in the URL. */
export function DoraFilters(props: {
  query: DoraQuery;
  settings: DoraSettings | undefined;
  onChange(changes: Partial<DoraQuery>): void;
}) {
  const { query: q, settings, onChange } = props;
  const services = useResource<Page<Service>>('/services?limit=500');
  const teams = useResource<Page<Team>>('/teams');
  const scope = q.service ? `service:${q.service}` : q.team ? `team:${q.team}` : '';
  const environment = q.environment ?? 'production';
  const environments = [
    ...new Set(['production', environment, ...(services.data?.items ?? []).flatMap((s) => s.environments)]),
  ].sort();
  const custom = Boolean(q.from || q.to);
  const serviceNames = withCurrent(
    (services.data?.items ?? []).map((s) => s.name),
    q.service,
  );
  const teamNames = withCurrent(
    (teams.data?.items ?? []).map((t) => t.name),
    q.team,
  );

  return (
    <search className="filters" aria-label="DORA scope and window">
      <div className="field">
        <label htmlFor="dora-scope">Scope</label>
        <select
          id="dora-scope"
          value={scope}
          onChange={(e) => {
            const [kind, name] = splitScope(e.target.value);
            onChange({
              service: kind === 'service' ? name : undefined,
              team: kind === 'team' ? name : undefined,
            });
          }}
        >
          <option value="">All services</option>
          {teamNames.length > 0 && (
            <optgroup label="Teams">
              {teamNames.map((t) => (
                <option key={t} value={`team:${t}`}>
                  {t}
                </option>
              ))}
            </optgroup>
          )}
          {serviceNames.length > 0 && (
            <optgroup label="Services">
              {serviceNames.map((s) => (
                <option key={s} value={`service:${s}`}>
                  {s}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dora-environment">Environment</label>
        <select
          id="dora-environment"
          value={environment}
          onChange={(e) =>
            onChange({ environment: e.target.value === 'production' ? undefined : e.target.value })
          }
        >
          {environments.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dora-window">Window</label>
        <select
          id="dora-window"
          value={custom ? 'custom' : (q.last ?? '30')}
          onChange={(e) =>
            onChange({
              last: e.target.value === '30' ? undefined : e.target.value,
              from: undefined,
              to: undefined,
            })
          }
        >
          {windowDays.map((d) => (
            <option key={d} value={d}>
              Last {d} days
            </option>
          ))}
          {custom && (
            <option value="custom" disabled>
              {q.from && q.to ? formatDayRange(q.from, q.to) : `${q.from ?? '…'} – ${q.to ?? 'today'}`}
            </option>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dora-levels">Levels</label>
        <select
          id="dora-levels"
          value={q.levels ?? settings?.levelsVersion ?? '2023'}
          onChange={(e) =>
            onChange({ levels: e.target.value === settings?.levelsVersion ? undefined : e.target.value })
          }
        >
          {levelVersions.map((v) => (
            <option key={v} value={v}>
              DORA {v}
              {v === settings?.levelsVersion ? ' (tenant default)' : ''}
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}

function splitScope(value: string): [string, string] {
  const i = value.indexOf(':');
  return i < 0 ? ['', ''] : [value.slice(0, i), value.slice(i + 1)];
}

/** A name chosen through the URL stays selectable even when the list does not hold it. */
function withCurrent(names: string[], current: string | undefined): string[] {
  return current && !names.includes(current) ? [...names, current] : names;
}
