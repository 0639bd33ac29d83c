/** The few business errors domain code throws; http/problem.ts maps each to a status and an RFC 9457 body. */

export interface FieldIssue {
  /** JSON-pointer-like path of the wrong value, e.g. `/spec/owner` or `/events/3/type`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly issues: readonly FieldIssue[];
  constructor(message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = new.target.name;
    this.issues = issues;
  }
}

export class InputError extends DomainError {}
export class NotFoundError extends DomainError {}
export class ConflictError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class UnauthorizedError extends DomainError {}

/** Formats a path array the way problem bodies show it. */
export function pointer(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? '/'
    : `/${path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}
