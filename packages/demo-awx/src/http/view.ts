import { badRequest, invalidFields } from './errors.js';
import { pythonType } from './launch-prompts.js';
import type { QueryRequest } from './query.js';

/** What a view gets and gives back, for the views that may write. */

/** A request as the views see it: the query parts plus method, raw body and the origin for `Location`. */
export interface ViewRequest extends QueryRequest {
  method: string;
  /** The raw request body, if one was sent. */
  body: string | undefined;
  /** `http://host:port` as the client called it, for absolute `Location` headers like AWX's. */
  origin: string;
}

/** A view's answer: status, JSON body (absent for 202/204) and extra headers. */
export interface ViewResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A JSON object body as DRF reads it: nothing is `{}`, bad JSON a 400 parse error, a non-object a 400 too. */
export function jsonObject(body: string | undefined): Record<string, unknown> {
  if (body === undefined || body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw badRequest(`JSON parse error - ${(error as Error).message}`);
  }
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  throw invalidFields({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonType(parsed)}.`] });
}
