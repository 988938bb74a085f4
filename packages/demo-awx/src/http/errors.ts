/** An AWX error response: HTTP status plus the DRF body, `{"detail": ...}` (or a validation error's list). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown> | unknown[],
    readonly headers: Record<string, string> = {},
  ) {
    super(!Array.isArray(body) && typeof body.detail === 'string' ? body.detail : `HTTP ${status}`);
  }
}

/** 401 as AWX sends it: DRF's text plus the login hint, and a Bearer challenge (never Basic). */
export function notAuthenticated(): ApiError {
  return new ApiError(
    401,
    { detail: 'Authentication credentials were not provided. To establish a login session, visit /api/login/.' },
    { 'WWW-Authenticate': 'Bearer realm=api authorization_url=/api/o/authorize/' },
  );
}

/** 403 with DRF's default text, or a custom one such as "Filtering on job_args is not allowed.". */
export function forbidden(detail = 'You do not have permission to perform this action.'): ApiError {
  return new ApiError(403, { detail });
}

/** 404: unknown URL, missing object, or an object the caller may not see. */
export function notFound(): ApiError {
  return new ApiError(404, { detail: 'Not found.' });
}

/** 404 for a page number past the end or not a positive integer (DRF). */
export function invalidPage(): ApiError {
  return new ApiError(404, { detail: 'Invalid page.' });
}

/** 405 with DRF's exact text, naming the method. */
export function methodNotAllowed(method: string): ApiError {
  return new ApiError(405, { detail: `Method "${method}" not allowed.` });
}

/** 400 from a filter or ordering problem. */
export function badRequest(detail: string): ApiError {
  return new ApiError(400, { detail });
}

/** 400 whose detail is a JSON-encoded list of Django validation messages (how AWX reports bad values). */
export function invalidValue(message: string): ApiError {
  return badRequest(JSON.stringify([message]));
}

/** 400 from body validation: DRF's `{field: ["message", ...]}` shape (non-field errors under `__all__`). */
export function invalidFields(errors: Record<string, unknown>): ApiError {
  return new ApiError(400, errors);
}
