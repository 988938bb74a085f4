/**
 * The container's health probe: asks this gateway's `/health` where it listens (HOST and PORT as the gateway
 * reads them; a wildcard HOST is reached on loopback) and exits 0 when it answers 200, 1 otherwise. Run by
 * the image's HEALTHCHECK, so that a gateway bound to one interface only is probed there, not on 127.0.0.1.
 */
const TIMEOUT_MS = 4_000;

/** The URL of `/health` for a gateway told to listen on `host` and `port`. */
export function healthUrl(host: string | undefined, port: string | undefined): string {
  const bound = host?.trim() || '::';
  const wildcard = bound === '::' || bound === '0.0.0.0';
  const name = wildcard ? '127.0.0.1' : bound.includes(':') ? `[${bound}]` : bound;
  return `http://${name}:${port?.trim() || '4000'}/health`;
}

async function probe(): Promise<number> {
  try {
    const response = await fetch(healthUrl(process.env.HOST, process.env.PORT), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    return response.ok ? 0 : 1;
  } catch {
    return 1;
  }
}

process.exitCode = await probe();
