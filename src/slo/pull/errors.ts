/**
 * Why a Prometheus query failed. The puller logs it and retries the same range on its next run, so
 * the message must let an operator fix the cause without a debugger: it names the query and the
 * server's own words.
 */
export type PrometheusFailure =
  /** Prometheus answered `{status: 'error'}`, e.g. `bad_data` for a PromQL syntax error. */
  | 'prometheus'
  /** A non-2xx answer without a Prometheus error body (proxy, wrong path, auth). */
  | 'http'
  /** No answer: refused, DNS, reset. */
  | 'network'
  | 'timeout'
  /** A 2xx answer that is not a matrix we can read. */
  | 'response';

export interface PrometheusErrorDetails {
  readonly failure: PrometheusFailure;
  readonly query: string;
  /** Prometheus `errorType`: bad_data, execution, timeout, canceled, internal, unavailable. */
  readonly errorType?: string | undefined;
  readonly status?: number | undefined;
  readonly cause?: unknown;
}

export class PrometheusQueryError extends Error {
  readonly failure: PrometheusFailure;
  readonly query: string;
  readonly errorType: string | undefined;
  readonly status: number | undefined;

  constructor(reason: string, details: PrometheusErrorDetails) {
    super(`Prometheus query failed (${reason}) for query ${JSON.stringify(details.query)}`, {
      cause: details.cause,
    });
    this.name = 'PrometheusQueryError';
    this.failure = details.failure;
    this.query = details.query;
    this.errorType = details.errorType;
    this.status = details.status;
  }
}
