/**
 * What the connection doctor reads from AWX's API once its path is known: the version (ping, no
 * credentials), who a credential is (`/me/`), and whether AWX's websocket accepts that credential.
 */
import { versionedPath } from './apiLayout.js';
import { AwxClient, type AwxTransport } from './client.js';
import { AwxResponseError } from './errors.js';
import type { AwxUser } from './models/user.js';
import type { AwxPage } from './types.js';
import { openStatusEvents, websocketUrl } from './websocket.js';

/** AWX's own account of itself (`ApiV2PingView`). */
export interface ControllerVersion {
  version: string;
  activeNode?: string;
  ha?: boolean;
  /** Instances other than hop nodes. */
  instances?: number;
}

/** The user a credential authenticates as. */
export interface CredentialOwner {
  username: string;
  isSuperuser: boolean;
  isSystemAuditor: boolean;
}

/** The versioned API's path below the host (`/api/v2/`, `/api/controller/v2/`), once the layout is known. */
export function apiRootOf(transport: AwxTransport): string | undefined {
  const layout = transport.api.layout;
  return layout && versionedPath(transport.baseUrl, layout);
}

/** Reads `ping/` without credentials (AWX serves it to anyone); rejects with an AwxError. */
export async function readVersion(transport: AwxTransport): Promise<ControllerVersion> {
  const ping = await new AwxClient(transport, { retries: 0 }).getJson<Record<string, unknown>>(['ping']);
  if (typeof ping.version !== 'string') throw new AwxResponseError('AWX sent a ping without a version.');
  return {
    version: ping.version,
    activeNode: typeof ping.active_node === 'string' ? ping.active_node : undefined,
    ha: typeof ping.ha === 'boolean' ? ping.ha : undefined,
    instances: Array.isArray(ping.instances) ? ping.instances.length : undefined,
  };
}

/** Reads `me/` (a one-user list) with this `Authorization`; rejects with an AwxError (401 for a refused credential). */
export async function readCredentialOwner(transport: AwxTransport, authorization: string): Promise<CredentialOwner> {
  const page = await new AwxClient(transport, { authorization, retries: 0 }).getJson<AwxPage<AwxUser>>(['me']);
  const user = Array.isArray(page.results) ? page.results[0] : undefined;
  if (!user || typeof user.username !== 'string') throw new AwxResponseError('AWX sent a /me/ list without the user.');
  return { username: user.username, isSuperuser: user.is_superuser === true, isSystemAuditor: user.is_system_auditor === true };
}

/** Where AWX's websocket is below the host, once the layout is known (`/websocket/`, `/api/controller/v2/websocket/`). */
export function websocketPathOf(transport: AwxTransport): string | undefined {
  const layout = transport.api.layout;
  return layout && websocketUrl(transport.baseUrl, layout).pathname;
}

/**
 * Opens AWX's websocket with this `Authorization`, subscribes to job status changes and resolves once AWX
 * confirms the subscription, within the transport's timeout; rejects with the reason it could not (refused
 * upgrade, closed, no reply).
 */
export async function confirmStatusEvents(transport: AwxTransport, authorization: string): Promise<void> {
  const socket = openStatusEvents(transport, { authorization, onEvent: () => {}, onLost: () => {} });
  let timer: NodeJS.Timeout | undefined;
  // The socket's own timers allow the handshake and then the reply twice the timeout; the doctor waits one.
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`AWX did not confirm the websocket subscription within ${transport.timeoutMs} ms`)), transport.timeoutMs);
  });
  try {
    await Promise.race([socket.ready, late]);
  } finally {
    clearTimeout(timer);
    socket.close();
  }
}
