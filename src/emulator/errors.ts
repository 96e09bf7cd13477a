// The PortSIP error envelope (docs/portsip-api.md §2.7, C5): {"errors":[{code, message, detail?}]}.
export interface ApiErrorBody {
  errors: { code: string; message: string; detail?: unknown }[];
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  body(): ApiErrorBody {
    const e: { code: string; message: string; detail?: unknown } = { code: this.code, message: this.message };
    if (this.detail !== undefined) e.detail = this.detail;
    return { errors: [e] };
  }
}

/** 400 VALIDATE_FAILED naming the field in detail.field (§6.6), plus a reason for humans. */
export function invalid(field: string, reason: string, value?: unknown): HttpError {
  const detail: Record<string, unknown> = { field, reason };
  if (value !== undefined) detail.value = value;
  return new HttpError(400, 'VALIDATE_FAILED', 'field validation failed', detail);
}

export function notFound(what = 'resource'): HttpError {
  return new HttpError(404, 'NOT_FOUND', `${what} not found`);
}

export function unauthorized(message = 'authentication required'): HttpError {
  return new HttpError(401, 'UNAUTHORIZED', message);
}

export function forbidden(message = 'permission denied'): HttpError {
  return new HttpError(403, 'FORBIDDEN', message);
}
