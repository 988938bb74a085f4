/** AWX's unauthenticated health view, read without anyone's credentials. */
import { AwxClient, type AwxTransport, type UpstreamCall } from './client.js';
import { AwxError, AwxHttpError } from './errors.js';

/**
 * Reads `GET /api/v2/ping/` (no credentials: AWX serves it to anyone) and resolves when AWX answers
 * 200 with JSON. Rejects with a short reason that names no host, URL or credential.
 */
export async function pingAwx(transport: AwxTransport, signal: AbortSignal, onCall?: (call: UpstreamCall) => void): Promise<void> {
  try {
    // No retries: a probe reports AWX as it is now, and the prober repeats it anyway.
    await new AwxClient(transport, { signal, onCall, retries: 0 }).getJson(['ping']);
  } catch (error) {
    if (signal.aborted) throw new Error('AWX did not answer the ping in time');
    // AWX's own error text stays out: the reason goes to anyone who can reach the probe.
    if (error instanceof AwxHttpError) throw new Error(`AWX answered the ping with HTTP ${error.status}`);
    if (error instanceof AwxError) throw new Error(error.message.replace(/\.$/, ''));
    throw new Error('AWX ping failed');
  }
}
