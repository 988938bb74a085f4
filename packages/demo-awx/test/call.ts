/** Calling the demo AWX over loopback HTTP from a test, as a given user. */
import type { AwxRecord, DemoAwx } from '../src/index.js';

/** A page of an AWX list. */
export interface Page {
  count: number;
  results: AwxRecord[];
}

/** The status and parsed JSON body (undefined when empty) of one request. */
export interface Answer {
  status: number;
  body: any;
}

/** Sends one request as `auth` (an Authorization value) and reads the whole answer. */
export async function call(demo: DemoAwx, path: string, auth: string, method = 'GET', body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { Authorization: auth };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${demo.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The ids a list answers to `auth` (up to 200), failing the test on anything but 200. */
export async function ids(demo: DemoAwx, path: string, auth: string): Promise<number[]> {
  const answer = await call(demo, `${path}${path.includes('?') ? '&' : '?'}page_size=200`, auth);
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return (answer.body as Page).results.map((record) => record.id);
}
