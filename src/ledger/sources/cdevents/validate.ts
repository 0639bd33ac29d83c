import type { z } from '../../../core/zod.js';
import { cdeventSchema, eventVersion, type Flavour } from './schemas.js';

export interface Issue {
  /** JSON pointer into the payload, e.g. `/context/id` or `/0/id` in a batch */
  path: string;
  message: string;
}

export type CdeventVerdict =
  | {
      ok: true;
      /** CDEvents spec version the event declares, e.g. `0.5.1` */
      specversion: string;
      /** Event type version, e.g. `0.3.0` */
      version: string;
      subject: string;
      predicate: string;
      /** A `dev.cdeventsx.<tool>-<subject>.…` custom event: valid, but never mapped to facts. */
      custom: boolean;
    }
  | { ok: false; issues: Issue[] };

const SEMVER = String.raw`(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)`;
const STANDARD_TYPE = new RegExp(String.raw`^dev\.cdevents\.([a-z]+)\.([a-z]+)\.${SEMVER}$`);
const CUSTOM_TYPE = new RegExp(String.raw`^dev\.cdeventsx\.([a-z0-9]+)-([a-z]+)\.([a-z]+)\.${SEMVER}$`);

const fail = (path: string, message: string): CdeventVerdict => ({ ok: false, issues: [{ path, message }] });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `dev.cdevents.build.started.0.3.0` → build / started / 0.3.0; custom subjects keep their tool prefix. */
export function typeParts(
  type: string,
): { subject: string; predicate: string; version: string; custom: boolean } | undefined {
  const standard = STANDARD_TYPE.exec(type);
  if (standard)
    return { subject: standard[1]!, predicate: standard[2]!, version: standard[3]!, custom: false };
  const custom = CUSTOM_TYPE.exec(type);
  if (custom) {
    return { subject: `${custom[1]}-${custom[2]}`, predicate: custom[3]!, version: custom[4]!, custom: true };
  }
  return undefined;
}

/** 0.4.x and 0.5.x; anything else (0.6.0-draft included) is refused by name. */
function flavourOf(specversion: string): Flavour | undefined {
  if (/^0\.5\.\d+$/.test(specversion)) return '0.5';
  if (/^0\.4\.\d+$/.test(specversion)) return '0.4';
  return undefined;
}

/** Zod issues as JSON pointers; a missing field reads "required" rather than "expected string…". */
export function toIssues(error: z.ZodError, prefix = ''): Issue[] {
  return error.issues.map((issue) => ({
    path: `${prefix}/${issue.path.map(String).join('/')}`.replace(/\/$/, '') || '/',
    message: /received undefined$/.test(issue.message) ? 'required' : issue.message,
  }));
}

/**
 * Validates one CDEvent (`{context, subject}`) against the schema of its declared spec version and
 * event type, reporting every problem with its field path.
 */
export function validateCdevent(cdevent: unknown): CdeventVerdict {
  if (!isObject(cdevent)) return fail('/', 'expected a CDEvent object {context, subject}');
  const context = cdevent.context;
  if (!isObject(context)) return fail('/context', 'required');
  const declared = context.specversion ?? context.version;
  if (typeof declared !== 'string') return fail('/context/specversion', 'required');
  const flavour = flavourOf(declared);
  if (!flavour)
    return fail('/context/specversion', `unsupported specversion ${declared} (supported: 0.4.x, 0.5.x)`);
  const type = context.type;
  if (typeof type !== 'string') return fail('/context/type', 'required');

  const parts = typeParts(type);
  if (!parts) {
    return fail(
      '/context/type',
      'must be dev.cdevents.<subject>.<predicate>.<version> or dev.cdeventsx.<tool>-<subject>.<predicate>.<version>',
    );
  }
  const { subject, predicate, version, custom } = parts;
  const key = custom ? undefined : `${subject}.${predicate}`;
  if (key) {
    const expected = eventVersion(flavour, key);
    if (!expected) return fail('/context/type', `unknown event type ${type} in CDEvents ${flavour}.x`);
    if (expected !== version) {
      return fail(
        '/context/type',
        `${type} is not part of CDEvents ${flavour}.x (expected dev.cdevents.${key}.${expected})`,
      );
    }
  }

  const parsed = cdeventSchema(flavour, type, key).safeParse(cdevent);
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
  return { ok: true, specversion: declared, version, subject, predicate, custom };
}
