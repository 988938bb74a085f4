/** Calling the demo AWX over loopback HTTP from a test, as a given user: the one HTTP client of these tests. */
import type { AwxRecord, DemoAwx } from '../src/index.js';
import { ADMIN } from './demo-auth.js';

/** A page of an AWX list. */
export interface Page {
  count: number;
  next?: string | null;
  previous?: string | null;
  results: AwxRecord[];
}

/** The status and parsed JSON body (undefined when empty) of one request. */
export interface Answer {
  status: number;
  body: any;
}

/** The whole answer: its headers and text as well. */
export interface FullAnswer extends Answer {
  headers: Headers;
  text: string;
}

/** How to send: method, a body (sent as JSON unless it is already text), more headers. Redirects are not followed. */
export interface CallOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends one request as `auth` (an Authorization value; null sends none) and reads the whole answer. */
export async function request(demo: DemoAwx, path: string, auth: string | null = ADMIN, options: CallOptions = {}): Promise<FullAnswer> {
  const headers: Record<string, string> = { ...(auth === null ? {} : { Authorization: auth }), ...options.headers };
  let payload: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const res = await fetch(`${demo.url}${path}`, { method: options.method ?? 'GET', headers, body: payload, redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
}

/** `request`, answering only the status and body (what most assertions compare whole). */
export async function call(demo: DemoAwx, path: string, auth: string | null = ADMIN, method = 'GET', body?: unknown): Promise<Answer> {
  const answer = await request(demo, path, auth, { method, body });
  return { status: answer.status, body: answer.body };
}

/** The ids a list answers to `auth` (up to 200), failing the test on anything but 200. */
export async function ids(demo: DemoAwx, path: string, auth: string = ADMIN): Promise<number[]> {
  const answer = await call(demo, `${path}${path.includes('?') ? '&' : '?'}page_size=200`, auth);
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return (answer.body as Page).results.map((record) => record.id);
}
