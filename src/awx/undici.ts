/**
 * The parts of undici the gateway uses: its connection pool (`Agent`, whose `dispatch` sends each AWX request:
 * src/awx/answerReader.ts) and its header parser. The package's entry loads all of undici, fetch, WebSocket,
 * caches, mocks and cookies (which load Node's own copy of undici too): about 1.8 MB of heap held for the life
 * of the process, for nothing it calls. These are the files that entry takes them from, in the one undici
 * release package.json pins.
 */
import { createRequire } from 'node:module';
import type { IncomingHttpHeaders } from 'node:http';
import type { Agent as UndiciAgent } from 'undici';

const load = createRequire(import.meta.url);

export const Agent = load('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;

const util = load('undici/lib/core/util.js') as { parseHeaders: (raw: Buffer[]) => IncomingHttpHeaders };

/** A response's raw header list (name, value, name, value…) as lower-cased names, repeated names as arrays. */
export const parseHeaders: (raw: Buffer[]) => IncomingHttpHeaders = util.parseHeaders;
