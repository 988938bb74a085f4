/** Credentials towards AWX: the `Authorization` of a service token or user, and proof that a caller's are still good. */
import type { AwxClient, UpstreamCall } from './client.js';

/** The `Authorization` for a token (Bearer), else a user and password (Basic), else none. */
export function authorizationFor(token: string | undefined, basic?: { username: string; password: string }): string | undefined {
  if (token) return `Bearer ${token}`;
  return basic ? `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}` : undefined;
}

/**
 * A once-per-request check that AWX still accepts this caller: resolved at once when one of the
 * request's calls already got a 2xx (AWX authenticated it), else one `GET /api/v2/me/` (AWX's
 * cheapest authenticated view). A revoked token or a changed password then fails with
 * UNAUTHENTICATED instead of being served another caller's, or its own former, cached answers.
 */
export function credentialCheck(awx: AwxClient, calls: readonly UpstreamCall[]): () => Promise<void> {
  let checked: Promise<void> | undefined;
  return () => {
    if (calls.some((call) => call.status !== null && call.status >= 200 && call.status < 300)) return Promise.resolve();
    checked ??= awx.getJson<unknown>(['me']).then(() => undefined);
    return checked;
  };
}
