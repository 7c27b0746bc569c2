import type { FieldError, Problem } from '@atelier/contracts';

/** The URI naming a problem type, derived from its stable code (`NOT_FOUND` → `urn:atelier-flow:problem:not-found`). */
export function problemType(code: string): string {
  return `urn:atelier-flow:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

/** Default titles for the statuses the API answers with. */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The standard reason phrase of an HTTP status. */
export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/**
 * An error a route throws to answer with a problem: `throw new HttpProblem(404, 'ORDER_NOT_FOUND',
 * 'No manufacturing order with id …')`. The problem-details plugin turns it into the response;
 * `extensions` become extra members of the body (e.g. `{ heldBy: … }` on a 409).
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  /** The response body for this problem. */
  toProblem(instance?: string): Problem {
    return {
      ...this.extensions,
      type: problemType(this.code),
      title: statusTitle(this.status),
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(instance === undefined ? {} : { instance }),
    };
  }
}

/**
 * The 400 `VALIDATION_FAILED` problem listing every field to fix (`errors`), each also named in
 * the detail as `in.path: message` for a reader without a problem-aware client.
 */
export function validationFailed(errors: readonly FieldError[]): HttpProblem {
  const summary = errors.map((error) => `${error.in}.${error.path}: ${error.message}`).join('; ');
  return new HttpProblem(400, 'VALIDATION_FAILED', `The request is invalid. ${summary}`, { errors });
}

/**
 * A 4xx about fields of the request body (a taken code, an unknown reference): `errors` names each
 * field as a 400 `VALIDATION_FAILED` does, so a form shows the message beside the field it is about.
 */
export function bodyFieldProblem(
  status: number,
  code: string,
  detail: string,
  fields: readonly { path: string; message: string }[],
  extensions: Readonly<Record<string, unknown>> = {},
): HttpProblem {
  const errors: FieldError[] = fields.map((field) => ({ in: 'body', ...field }));
  return new HttpProblem(status, code, detail, { ...extensions, errors });
}
