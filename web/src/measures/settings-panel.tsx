import { type FormEvent, useId, useState } from 'react';
import { useSession } from '../access/session.js';
import { ApiError } from '../api.js';
import { ErrorBanner } from '../components/error-banner.js';
import { type DoraSettings, leadTimeStarts, levelVersions } from './model.js';
import { apiPath } from './paths.js';

const startLabel: Record<DoraSettings['leadTimeStart'], string> = {
  authored: 'Commit authored',
  committed: 'Commit committed',
  'pr-opened': 'Pull request opened',
  'pr-first-commit': 'First commit of the pull request',
};

type FieldName = keyof DoraSettings;
const fieldNames: FieldName[] = ['attributionWindowHours', 'levelsVersion', 'leadTimeStart'];

/**
 * How the tenant computes DORA (tenant-admins). The server validates; its problem+json field
 * errors are shown beside their fields, anything else above the form.
 */
export function SettingsPanel(props: { settings: DoraSettings; onSaved(settings: DoraSettings): void }) {
  const { api } = useSession();
  const id = useId();
  const [hours, setHours] = useState(String(props.settings.attributionWindowHours));
  const [levels, setLevels] = useState(props.settings.levelsVersion);
  const [start, setStart] = useState(props.settings.leadTimeStart);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState('');

  const fieldErrors = new Map<string, string>();
  if (error instanceof ApiError) {
    for (const e of error.errors) {
      const name = e.path.replace(/^\//, '');
      if ((fieldNames as string[]).includes(name)) fieldErrors.set(name, e.message);
    }
  }
  const otherError = error !== undefined && (!(error instanceof ApiError) || fieldErrors.size === 0);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setError(undefined);
    setStatus('');
    try {
      const body = {
        // Sent as typed (even empty or fractional): the server names what is wrong.
        attributionWindowHours: hours.trim() === '' ? null : Number(hours),
        levelsVersion: levels,
        leadTimeStart: start,
      };
      const saved = await api.put<DoraSettings>(apiPath.settings, body);
      setStatus('Saved. The numbers below now use these settings.');
      props.onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  const hoursError = fieldErrors.get('attributionWindowHours');
  return (
    <section className="panel settings-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>DORA settings</h2>
      <p className="muted field-help">
        How this tenant computes its numbers. A new attribution window recomputes every change fail rate.
      </p>
      {otherError && <ErrorBanner error={error} />}
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-hours`}>Attribution window (hours)</label>
            <input
              id={`${id}-hours`}
              type="number"
              inputMode="numeric"
              min={1}
              max={336}
              step={1}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              aria-invalid={hoursError ? true : undefined}
              aria-describedby={`${id}-hours-help`}
            />
            <p id={`${id}-hours-help`} className={hoursError ? 'field-error' : 'field-help muted'}>
              {hoursError ??
                'An incident counts against the latest deployment finished this long before it (1–336).'}
            </p>
          </div>
          <Choice
            id={`${id}-levels`}
            label="Default levels"
            value={levels}
            error={fieldErrors.get('levelsVersion')}
            options={levelVersions.map((v) => ({ value: v, label: `DORA ${v}` }))}
            onChange={(v) => setLevels(v as DoraSettings['levelsVersion'])}
          />
          <Choice
            id={`${id}-start`}
            label="Lead time starts at"
            value={start}
            error={fieldErrors.get('leadTimeStart')}
            options={leadTimeStarts.map((s) => ({ value: s, label: startLabel[s] }))}
            onChange={(v) => setStart(v as DoraSettings['leadTimeStart'])}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
          <p className="form-status" role="status">
            {status}
          </p>
        </div>
      </form>
    </section>
  );
}

function Choice(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
