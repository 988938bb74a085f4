import type { IncomingHttpHeaders } from 'node:http';
import { SeededRandom } from './random.js';

/** A request as the demo AWX received it (kept in `DemoAwx.requests`, faulted ones included). */
export interface RecordedRequest {
  method: string;
  /**
   * The request target as AWX's own URLconf sees it: pathname + '?' + query as received, except that under
   * the AAP layout the `/api/controller` prefix is taken off (`/api/controller/v2/x/` is recorded as
   * `/api/v2/x/`), so one assertion fits both layouts. `rawPath` is what was received.
   */
  path: string;
  pathname: string;
  /** The request target exactly as received. */
  rawPath: string;
  query: URLSearchParams;
  authorization: string | undefined;
  headers: IncomingHttpHeaders;
  /** The request body as text (at most 1 MiB), when one was sent. */
  body?: string;
}

/** A failure the demo AWX can inject instead of (or around) its normal answer. */
export type Fault =
  | { type: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { type: 'reset' }
  | { type: 'hang' }
  | { type: 'malformed' }
  | { type: 'slow'; ms: number };

/** When to inject a fault: requests matching `match`, at most `times` times, each with `probability`. */
export interface FaultRule {
  fault: Fault;
  match?: (req: RecordedRequest) => boolean;
  times?: number;
  probability?: number;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
  dice: SeededRandom;
}

/** The fault rules of one demo AWX, consulted in the order they were added. */
export class FaultBook {
  private rules: ActiveRule[] = [];
  private added = 0;

  /** Adds a rule; its dice are seeded by its position so probabilistic runs repeat exactly. */
  add(rule: FaultRule): void {
    const probability = rule.probability ?? 1;
    if (!(probability >= 0 && probability <= 1)) throw new RangeError(`probability must be within 0..1, got ${probability}`);
    if (rule.times !== undefined && !(rule.times >= 0)) throw new RangeError(`times must be >= 0, got ${rule.times}`);
    this.added += 1;
    this.rules.push({ rule, remaining: rule.times ?? Infinity, dice: new SeededRandom(0x5eed + this.added) });
  }

  /** Forgets every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The fault to inject for this request, if a rule fires (which uses up one of its `times`). */
  take(request: RecordedRequest): Fault | undefined {
    for (const active of this.rules) {
      if (active.remaining <= 0) continue;
      if (active.rule.match && !active.rule.match(request)) continue;
      const probability = active.rule.probability ?? 1;
      if (probability < 1 && active.dice.next() >= probability) continue;
      active.remaining -= 1;
      return active.rule.fault;
    }
    return undefined;
  }
}

/** A JSON-typed 200 body that stops mid-object, as a truncated proxy response would. */
export const MALFORMED_BODY = '{"count": 3, "next": null, "previous": null, "results": [{"id": 1, "type": "workflow_job", "na';
