import type { Caller, DemoData } from '../types.js';
import { authenticate } from './auth.js';
import { ApiError, forbidden, methodNotAllowed, notAuthenticated, notFound } from './errors.js';
import { advance, cancel, deleteJob, relaunch } from './job-actions.js';
import { launch, launchInfo } from './launch.js';
import { pingBody, rootBody, versionsBody } from './public-views.js';
import { detailResponse, listResponse, parentRecord } from './query.js';
import { resourceNamed } from './resources.js';
import { isPublic, matchRoute, type JobAction, type Route } from './routes.js';
import type { ViewRequest, ViewResult } from './view.js';

/** Turns one HTTP request into AWX's answer, without touching sockets (the server adds headers and timing). */

/** What the demo AWX answers: status, JSON body (absent for redirects), extra headers, and who asked. */
export interface ApiReply {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
  authenticated: boolean;
}

/** The parts of a request the API looks at. */
export interface ApiRequest {
  method: string;
  /** Raw request target: pathname plus `?query` as received. */
  url: string;
  authorization: string | undefined;
  /** The request body, if one was sent. */
  body?: string;
  /** `http://host:port` as the client called it (for `Location`); default `http://localhost`. */
  origin?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const READ = ['GET', 'HEAD'];
const READ_POST = ['GET', 'HEAD', 'POST'];

/** Answers a request the way AWX would: routing, slash redirect, auth, method checks, then the view. */
export function answer(data: DemoData, request: ApiRequest): ApiReply {
  const queryAt = request.url.indexOf('?');
  const pathname = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? '' : request.url.slice(queryAt + 1);
  let caller: Caller | null = null;
  try {
    const route = matchRoute(pathname);
    if (!route) return redirectToSlash(pathname, rawQuery) ?? failure(notFound(), false);
    if (isPublic(route)) {
      if (!SAFE_METHODS.has(request.method)) throw methodNotAllowed(request.method);
      return { status: 200, body: publicBody(data, route), headers: {}, authenticated: false };
    }
    caller = authenticate(data, request.authorization);
    if (!caller) throw notAuthenticated();
    // A token with scope "read" is refused any write before the view is even looked at.
    if (!SAFE_METHODS.has(request.method) && caller.scope === 'read') throw forbidden();
    if (!allowedMethods(route).includes(request.method)) throw methodNotAllowed(request.method);
    const result = view(route, {
      data, caller, pathname, rawQuery, method: request.method, body: request.body,
      origin: request.origin ?? 'http://localhost',
    });
    return { status: result.status, body: result.body, headers: result.headers ?? {}, authenticated: true };
  } catch (error) {
    if (error instanceof ApiError) return failure(error, caller !== null);
    throw error;
  }
}

function failure(error: ApiError, authenticated: boolean): ApiReply {
  return { status: error.status, body: error.body, headers: error.headers, authenticated };
}

/** Django's APPEND_SLASH: 301 to the same URL plus a slash, but only when that URL exists. */
function redirectToSlash(pathname: string, rawQuery: string): ApiReply | undefined {
  if (pathname.endsWith('/') || !matchRoute(`${pathname}/`)) return undefined;
  const location = `${pathname}/${rawQuery ? `?${rawQuery}` : ''}`;
  return { status: 301, headers: { Location: location }, authenticated: false };
}

function publicBody(data: DemoData, route: Route): unknown {
  if (route.kind === 'ping') return pingBody(data);
  return route.kind === 'root' ? rootBody() : versionsBody();
}

const ACTION_VIEWS: Record<JobAction, (request: ViewRequest, id: number) => ViewResult> = {
  cancel,
  relaunch,
  launch: (request, id) => (request.method === 'POST' ? launch : launchInfo)(request, id),
};

/** The methods a view answers (DRF checks them after authentication, before the view runs). */
function allowedMethods(route: Route): readonly string[] {
  if (route.kind === 'advance') return ['POST'];
  if (route.kind === 'action') return READ_POST;
  if (route.kind === 'detail' && route.spec.name === 'workflow_jobs') return [...READ, 'DELETE'];
  return READ;
}

function view(route: Route, request: ViewRequest): ViewResult {
  switch (route.kind) {
    case 'action':
      return ACTION_VIEWS[route.action](request, route.id);
    case 'advance':
      return advance(request, route.id);
    case 'detail':
      if (request.method === 'DELETE') return deleteJob(request, route.id);
      return { status: 200, body: detailResponse(request, route.spec, route.id) };
    default:
      return { status: 200, body: readView(route, request) };
  }
}

function readView(route: Route, request: ViewRequest): unknown {
  switch (route.kind) {
    case 'me':
      // UserMeList: a paginated list holding just the caller.
      return listResponse(request, resourceNamed('users')!, (record) => record.id === request.caller.account.id);
    case 'list':
      return listResponse(request, route.spec);
    case 'sublist': {
      const parent = parentRecord(request, route.parent, route.id);
      return listResponse(request, route.child, route.sublist.scope(parent, request.data));
    }
    default:
      throw notFound();
  }
}
