import { resourceNamed, type ResourceSpec } from './resources.js';
import { sublistOf, type SublistSpec } from './sublists.js';

/** URL routing of the demo AWX: which view a path names (AWX URLs always end with a slash). */

/** A resolved URL. */
export type Route =
  | { kind: 'versions' | 'root' | 'ping' | 'me' }
  | { kind: 'list'; spec: ResourceSpec }
  | { kind: 'detail'; spec: ResourceSpec; id: number }
  | { kind: 'sublist'; parent: ResourceSpec; id: number; sublist: SublistSpec; child: ResourceSpec }
  | { kind: 'action'; action: JobAction; id: number }
  | { kind: 'advance'; id: number };

/** The action views: a workflow job's cancel and relaunch, a workflow job template's launch. */
export type JobAction = 'cancel' | 'relaunch' | 'launch';

/** Action URLs, and the demo's own admin route that moves a job one step (no AWX has it). */
const ACTIONS: readonly [RegExp, (id: number) => Route][] = [
  [/^\/api\/v2\/workflow_jobs\/(\d+)\/cancel\/$/, (id) => ({ kind: 'action', action: 'cancel', id })],
  [/^\/api\/v2\/workflow_jobs\/(\d+)\/relaunch\/$/, (id) => ({ kind: 'action', action: 'relaunch', id })],
  [/^\/api\/v2\/workflow_job_templates\/(\d+)\/launch\/$/, (id) => ({ kind: 'action', action: 'launch', id })],
  [/^\/_demo\/workflow_jobs\/(\d+)\/advance\/$/, (id) => ({ kind: 'advance', id })],
];

const FIXED: Record<string, Route> = {
  '/api/': { kind: 'versions' },
  '/api/v2/': { kind: 'root' },
  '/api/v2/ping/': { kind: 'ping' },
  '/api/v2/me/': { kind: 'me' },
};

/** The route of a raw pathname, or undefined when AWX would answer 404. */
export function matchRoute(pathname: string): Route | undefined {
  const fixed = FIXED[pathname];
  if (fixed) return fixed;
  for (const [pattern, route] of ACTIONS) {
    const action = pattern.exec(pathname);
    if (action) return route(Number(action[1]));
  }
  const match = /^\/api\/v2\/([a-z_]+)\/(?:(\d+)\/(?:([a-z_]+)\/)?)?$/.exec(pathname);
  if (!match) return undefined;
  const [, name = '', id, sub] = match;
  const spec = resourceNamed(name);
  if (!spec) return undefined;
  if (id === undefined) return { kind: 'list', spec };
  if (sub === undefined) return { kind: 'detail', spec, id: Number(id) };
  const sublist = sublistOf(name, sub);
  const child = sublist && resourceNamed(sublist.child);
  return sublist && child ? { kind: 'sublist', parent: spec, id: Number(id), sublist, child } : undefined;
}

/** True for the views that need no authentication. */
export function isPublic(route: Route): boolean {
  return route.kind === 'versions' || route.kind === 'root' || route.kind === 'ping';
}
