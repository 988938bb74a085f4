/**
 * The two parts of undici the gateway uses: its connection pool (`Agent`) and `request`. The package's entry
 * loads all of undici, fetch, WebSocket, caches, mocks and cookies (which load Node's own copy of undici too):
 * about 1.8 MB of heap held for the life of the process, for nothing it calls. These are the files that entry
 * takes the two from, in the one undici release package.json pins.
 */
import { createRequire } from 'node:module';
import type { Agent as UndiciAgent, Dispatcher } from 'undici';

const load = createRequire(import.meta.url);

export const Agent = load('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;

const api = load('undici/lib/api/index.js') as {
  request: (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
};

/** undici's `request({ origin, path, dispatcher, ... })`: one request to `path` at `origin` through `dispatcher`. */
export function request(dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return api.request.call(dispatcher, options);
}
