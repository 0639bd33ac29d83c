import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import {
  ConflictError,
  type DomainError,
  type FieldIssue,
  ForbiddenError,
  InputError,
  NotFoundError,
  pointer,
  UnauthorizedError,
} from '../core/errors.js';

/** RFC 9457 problem details, with the wrong fields listed in `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: (FieldIssue & { in?: string })[];
}

const problemBase = 'https://throughline.dev/problems/';

const domainStatus: [new (...a: never[]) => DomainError, number, string][] = [
  [InputError, 422, 'invalid-input'],
  [NotFoundError, 404, 'not-found'],
  [ConflictError, 409, 'conflict'],
  [ForbiddenError, 403, 'forbidden'],
  [UnauthorizedError, 401, 'unauthorized'],
];

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/** A validation failure at the edge: which part of the request, and every wrong field. */
export class RequestValidationError extends Error {
  constructor(
    readonly target: string,
    readonly zodError: ZodError,
  ) {
    super(`invalid ${target}`);
  }
}

export function zodIssues(error: ZodError, where?: string): (FieldIssue & { in?: string })[] {
  return error.issues.flatMap((issue) => {
    const base = { ...(where ? { in: where } : {}) };
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({
        ...base,
        path: pointer([...issue.path, k]),
        message: 'unknown field',
      }));
    }
    return [{ ...base, path: pointer(issue.path), message: issue.message }];
  });
}

export function toProblem(err: unknown, c: Context): Problem {
  const instance = c.req.path;
  const requestId = c.get('requestId') as string | undefined;
  if (err instanceof RequestValidationError) {
    const where = err.target === 'json' ? 'body' : err.target === 'param' ? 'path' : err.target;
    return {
      type: `${problemBase}validation`,
      title: 'Request failed validation',
      status: err.target === 'json' ? 422 : 400,
      detail: `${zodIssues(err.zodError).length} invalid value(s) in the ${where}`,
      instance,
      requestId,
      errors: zodIssues(err.zodError, where),
    };
  }
  for (const [cls, status, slug] of domainStatus) {
    if (err instanceof cls) {
      return {
        type: `${problemBase}${slug}`,
        title: titles[status]!,
        status,
        detail: err.message,
        instance,
        requestId,
        ...(err.issues.length ? { errors: [...err.issues] } : {}),
      };
    }
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const detail =
      status === 400 && /JSON/i.test(err.message) ? 'malformed JSON in request body' : err.message;
    return { type: 'about:blank', title: titles[status] ?? 'Error', status, detail, instance, requestId };
  }
  // Anything else is a defect. Its cause stays in the log; the client gets the request id.
  return {
    type: 'about:blank',
    title: titles[500]!,
    status: 500,
    detail: 'an unexpected error occurred; quote the request id when reporting it',
    instance,
    requestId,
  };
}

export function problemResponse(c: Context, problem: Problem): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
  });
}
