import type { DemoData } from '../types.js';
import { RESOURCES } from './resources.js';

/** The views AWX serves without authentication: `/api/`, `/api/v2/` and `/api/v2/ping/`. */

/** The AWX version the demo claims to be. */
export const AWX_VERSION = '24.6.1';
/** The control node answering requests (X-API-Node, ping's active_node). */
export const ACTIVE_NODE = 'awx-demo-task-1';

const INSTALL_UUID = '3f2b6c1e-9d4a-4e7b-8c55-0a1d2e3f4b5c';

/** `GET /api/`: the available API versions. */
export function versionsBody(): Record<string, unknown> {
  return {
    description: 'AWX REST API',
    current_version: '/api/v2/',
    available_versions: { v2: '/api/v2/' },
    oauth2: '/api/o/',
    custom_logo: '',
    custom_login_info: '',
    login_redirect_override: '',
  };
}

/** `GET /api/v2/`: the top-level resources, name to URL. */
export function rootBody(): Record<string, string> {
  const names = ['ping', 'me', ...RESOURCES.keys()];
  return Object.fromEntries(names.map((name) => [name, `/api/v2/${name}/`]));
}

/** `GET /api/v2/ping/` (ApiV2PingView): cluster version, nodes and instance groups. */
export function pingBody(data: DemoData): Record<string, unknown> {
  const instance = (node: string, nodeType: string, index: number, capacity: number) => ({
    node, node_type: nodeType, uuid: `00000000-0000-4000-8000-00000000000${index}`,
    heartbeat: data.clock, capacity, version: AWX_VERSION,
  });
  return {
    ha: false,
    version: AWX_VERSION,
    active_node: ACTIVE_NODE,
    install_uuid: INSTALL_UUID,
    instances: [
      instance(ACTIVE_NODE, 'control', 1, 136),
      instance('awx-demo-exec-1', 'execution', 2, 118),
      instance('awx-demo-exec-2', 'execution', 3, 118),
    ],
    instance_groups: [
      { name: 'controlplane', capacity: 136, instances: [ACTIVE_NODE] },
      { name: 'default', capacity: 236, instances: ['awx-demo-exec-1', 'awx-demo-exec-2'] },
    ],
  };
}
