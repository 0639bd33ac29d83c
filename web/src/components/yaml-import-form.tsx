import type { ChangeEvent, FormEvent } from 'react';

interface Props {
  /** Prefix of the field ids, unique on the page. */
  idPrefix: string;
  /** Label of the YAML text area. */
  contentLabel: string;
  example: string;
  path: string;
  onPath(path: string): void;
  content: string;
  onContent(content: string): void;
  busy: boolean;
  onSubmit(e: FormEvent): void;
}

/** Paste YAML (or load a file), name it, import it: the form every import page shares. */
export function YamlImportForm(p: Props) {
  async function load(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    p.onPath(file.name);
    p.onContent(await file.text());
  }

  return (
    <form className="form panel" onSubmit={p.onSubmit}>
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor={`${p.idPrefix}-path`}>File name</label>
          <input
            id={`${p.idPrefix}-path`}
            value={p.path}
            required
            onChange={(e) => p.onPath(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${p.idPrefix}-file`}>Or load a file</label>
          <input
            id={`${p.idPrefix}-file`}
            type="file"
            accept=".yaml,.yml,text/yaml"
            onChange={(e) => void load(e)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${p.idPrefix}-content`}>{p.contentLabel}</label>
        <textarea
          id={`${p.idPrefix}-content`}
          className="code-input"
          rows={16}
          spellCheck={false}
          required
          placeholder={p.example}
          value={p.content}
          onChange={(e) => p.onContent(e.target.value)}
        />
      </div>
      <div>
        <button type="submit" className="button button-primary" disabled={p.busy || !p.content.trim()}>
          {p.busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}
