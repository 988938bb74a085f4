/** Checks 2 and 3: the controller answers HTTP at its URL, and its certificate verifies (or why not, and the fix). */
import { probeHttp, type ConnectionFailure } from '../awx/doctorNetwork.js';
import { checkCertificate } from '../awx/doctorTls.js';
import { certificateOutcome } from './certificate.js';
import { upstreamOf, type Check, type CheckOutcome } from './types.js';

/** The host and port as an operator would type them. */
function hostPort(url: URL): string {
  return url.port ? url.host : `${url.host}:${url.protocol === 'https:' ? 443 : 80}`;
}

/** A failed connection in words, with the fix; `setting` names the variable that holds the URL. */
export function connectionOutcome(failure: ConnectionFailure, code: string, url: URL, setting: string, timeoutMs: number): CheckOutcome {
  const where = hostPort(url);
  const outcomes: Record<ConnectionFailure, [string, string]> = {
    refused: [`connection refused by ${where}`, `is the controller running and listening there? check the host and port in ${setting}`],
    dns: [`host name ${url.hostname} not found (DNS)`, `check the host name in ${setting}, and that this machine's DNS resolves it`],
    timeout: [
      `no answer from ${where} within ${timeoutMs} ms`,
      'a firewall may drop the traffic (the gateway connects directly: it does not use HTTP(S)_PROXY), or the controller is overloaded; if it is only slow, raise CONTROLLER_REQUEST_TIMEOUT or AWX_TIMEOUT_MS',
    ],
    reset: [`${where} closed the connection without an answer (${code})`, `the port may speak another protocol: check http:// versus https:// and the port in ${setting}`],
    unreachable: [`no route to ${where} (${code})`, 'check the network path from this machine: VPN, routes, security groups'],
    'tls-handshake': [`the TLS handshake with ${where} failed (${code})`, `if that port speaks plain HTTP, use http:// in ${setting}; otherwise the controller's TLS setup is broken`],
    other: [`could not connect to ${where} (${code})`, `check ${setting} and the network path`],
  };
  const [message, hint] = outcomes[failure];
  return { status: 'fail', message, hint, details: { failure, code } };
}

/** Anything at all answering HTTP at the base URL (GET <base>/api/, no credentials). */
export const reachableCheck: Check = {
  id: 'reachable',
  title: 'reachable',
  needs: ['configuration'],
  async run(context) {
    const { config, transport } = upstreamOf(context);
    const answer = await probeHttp(transport.baseUrl, config.timeoutMs);
    if (!answer.answered) return connectionOutcome(answer.failure, answer.code, transport.baseUrl, config.sources.url ?? 'AWX_URL', config.timeoutMs);
    return {
      status: 'pass',
      message: `${hostPort(transport.baseUrl)} answered HTTP ${answer.status} to GET ${answer.path} in ${answer.ms} ms`,
      details: { status: answer.status, path: answer.path, ms: answer.ms },
    };
  },
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Plain HTTP: fine on loopback, a warning elsewhere. HTTPS: whether the certificate verifies with the gateway's settings. */
export const tlsCheck: Check = {
  id: 'tls',
  title: 'TLS',
  needs: ['reachable'],
  async run(context) {
    const { config, transport } = upstreamOf(context);
    const url = transport.baseUrl;
    if (url.protocol === 'http:') {
      if (LOOPBACK.test(url.hostname)) return { status: 'pass', message: 'plain HTTP to this machine (loopback): nothing crosses the network' };
      return {
        status: 'warn',
        message: 'plain HTTP: tokens and passwords cross the network in clear text',
        hint: `use https:// in ${config.sources.url ?? 'AWX_URL'} unless the network between the gateway and the controller is trusted`,
      };
    }
    const seen = await checkCertificate(url, { ca: transport.tls?.ca, timeoutMs: config.timeoutMs });
    if (!seen.handshake) return connectionOutcome(seen.failure, seen.code, url, config.sources.url ?? 'AWX_URL', config.timeoutMs);
    return certificateOutcome(seen, url, config);
  },
};
