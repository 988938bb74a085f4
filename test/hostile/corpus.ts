/**
 * A deterministic corpus of malformed and hostile requests to the gateway: the same list on every run,
 * built from the generators in this folder. Each one is sent over real HTTP by test/hostile.test.ts.
 */
import { injectionRequests } from './injection.js';
import { queryRequests } from './queries.js';
import { transportRequests } from './transport.js';
import type { HostileRequest } from './request.js';

export type { HostileRequest } from './request.js';

/** Every request of the corpus, in a fixed order. */
export function hostileCorpus(): HostileRequest[] {
  return [...queryRequests(), ...injectionRequests(), ...transportRequests()];
}
