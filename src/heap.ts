/**
 * How big V8's heap may grow, derived from the memory the gateway may use: MEMORY_LIMIT_MB, else the
 * container's memory limit (cgroup v2 `memory.max`, v1 `memory.limit_in_bytes`), else a default budget.
 *
 * Left alone, Node sizes the heap from the machine's memory: on a large host the old space grows to three or
 * four times what is live before V8 collects it (about 240 MB of RSS under 50 connections for 35 MB of live
 * data, bench/RESULTS.md), and in a small container it picks young generations so small that most request
 * data is promoted and collected again at a high CPU cost. The plan below bounds both: a young generation
 * of at most an eighth of the budget (32 MB at most), old space that may grow 60% past what the last full
 * collection kept, and a hard ceiling that leaves room for what lives outside the heap.
 */

/** Where the budget came from, as the start-up log says it. */
export type BudgetSource = 'MEMORY_LIMIT_MB' | 'cgroup v2 memory.max' | 'cgroup v1 memory.limit_in_bytes' | 'default';

/** The memory the gateway may use, in MB, and where that figure came from. */
export interface MemoryBudget {
  mb: number;
  source: BudgetSource;
}

/** What to run the gateway with: node arguments, environment for the new process, V8 flags set at run time. */
export interface HeapPlan {
  budget: MemoryBudget;
  /** Heap-size flags V8 reads only when the process starts. */
  nodeArgs: string[];
  /** glibc's allocator settings, read only when the process starts; an operator's own values are kept. */
  env: Record<string, string>;
  /** V8 flags that still take effect when set by `v8.setFlagsFromString` at the top of the entry point. */
  runtimeFlags: string[];
  /** Set when the budget is below what the gateway needs: the start-up log warns with it. */
  warning?: string;
}

/** The budget when neither MEMORY_LIMIT_MB nor a container limit says: a small container's worth. */
export const DEFAULT_BUDGET_MB = 512;
/** MEMORY_LIMIT_MB's bounds (0 turns the derivation off: Node's own heap sizing). */
export const MEMORY_LIMIT_RANGE = { min: 0, max: 1_048_576 } as const;
/** What a gateway holds outside V8's heap: Node's own code (about 45 MB resident) and native buffers. */
const OUTSIDE_HEAP_MB = 64;
/** Old space may grow this far past what the last full collection kept before V8 collects it again. */
const GROWTH_PERCENT = 60;
/** Below this, live data alone (about 30 MB once the schema and modules are loaded) would not fit. */
const MIN_OLD_SPACE_MB = 48;
/** What the gateway holds under load with its heap sized (bench/RESULTS.md, "Memory"); a smaller budget is a risk. */
export const NEEDED_MB = 160;
/** cgroup limits this large (v1 writes 2^63 rounded down to a page) mean "no limit". */
const UNLIMITED_BYTES = 2 ** 50;

/** Reads a file, or undefined when it does not exist (tests pass a map). */
export type ReadFile = (path: string) => string | undefined;

/** `/a/b` → `/a/b`, `/a`, `` (the cgroup and each ancestor, up to the mount's root). */
function cgroupAndAncestors(path: string): string[] {
  // A path outside this cgroup namespace's root ("/../x") has no directory under the mount: the root's limit holds.
  const parts = path.split('/').includes('..') ? [] : path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, parts.length - i).join('/')}`).concat('');
}

/** The tightest limit among the files that exist, in MB: undefined when none exists, Infinity when none limits. */
function tightest(read: ReadFile, files: string[]): number | undefined {
  let found: number | undefined;
  for (const file of files) {
    const raw = read(file)?.trim();
    if (raw === undefined || raw === '') continue;
    // "max" (v2) or a near-2^63 figure (v1) sets no limit at this level.
    const bytes = /^\d+$/.test(raw) ? Number(raw) : Infinity;
    const mb = bytes >= UNLIMITED_BYTES ? Infinity : Math.floor(bytes / 2 ** 20);
    found = Math.min(found ?? Infinity, mb);
  }
  return found;
}

/**
 * The memory limit of the cgroup this process runs in (or of an ancestor, when tighter), in MB; undefined
 * when there is none. A container sees its own cgroup as the root of the mount; a service on a host sees
 * its path in /proc/self/cgroup.
 */
export function cgroupLimit(read: ReadFile): { mb: number; source: BudgetSource } | undefined {
  const membership = read('/proc/self/cgroup') ?? '';
  const v2Path = /^0::(\/.*)$/m.exec(membership)?.[1] ?? '/';
  const v1Path = /^\d+:(?:[^:]*,)?memory(?:,[^:]*)?:(\/.*)$/m.exec(membership)?.[1] ?? '/';
  const v2 = tightest(read, cgroupAndAncestors(v2Path).map((dir) => `/sys/fs/cgroup${dir}/memory.max`));
  const v1 = v2 === undefined ? tightest(read, cgroupAndAncestors(v1Path).map((dir) => `/sys/fs/cgroup/memory${dir}/memory.limit_in_bytes`)) : undefined;
  if (v2 !== undefined) return v2 === Infinity ? undefined : { mb: v2, source: 'cgroup v2 memory.max' };
  if (v1 !== undefined && v1 !== Infinity) return { mb: v1, source: 'cgroup v1 memory.limit_in_bytes' };
  return undefined;
}

/**
 * The budget: MEMORY_LIMIT_MB when set, else the cgroup's limit, else DEFAULT_BUDGET_MB. Undefined when
 * MEMORY_LIMIT_MB is 0 (the operator wants Node's own sizing) or is not a valid figure (loadConfig then
 * names the problem and the gateway stops).
 */
export function memoryBudget(env: Record<string, string | undefined>, read: ReadFile): MemoryBudget | undefined {
  const raw = env.MEMORY_LIMIT_MB;
  if (raw !== undefined && raw !== '') {
    const mb = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(mb > MEMORY_LIMIT_RANGE.min && mb <= MEMORY_LIMIT_RANGE.max)) return undefined;
    return { mb, source: 'MEMORY_LIMIT_MB' };
  }
  return cgroupLimit(read) ?? { mb: DEFAULT_BUDGET_MB, source: 'default' };
}

/** The largest power of two not above `n` (at least 1). */
const powerOfTwoBelow = (n: number) => 2 ** Math.max(0, Math.floor(Math.log2(Math.max(1, n))));

/** The flags and settings that keep the gateway's heap within `budget`. */
export function heapPlan(budget: MemoryBudget, env: Record<string, string | undefined> = {}): HeapPlan {
  // Each semi-space is a sixteenth of the budget, so the young generation (two of them) is an eighth; V8
  // gains little beyond 16 MB, and smaller ones promote more request data to old space.
  const semiSpaceMb = Math.min(16, powerOfTwoBelow(budget.mb / 16));
  const oldSpaceMb = Math.max(MIN_OLD_SPACE_MB, budget.mb - OUTSIDE_HEAP_MB - 2 * semiSpaceMb);
  // glibc keeps freed memory of every thread's arena; two arenas and an early trim hand it back.
  const allocator: Record<string, string> = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };
  const tight = budget.mb < NEEDED_MB;
  return {
    budget,
    ...(tight && { warning: `a memory budget of ${budget.mb} MB (${budget.source}) is below the ${NEEDED_MB} MB the gateway holds under load: expect it to be killed for memory` }),
    // No memory reducer: after about a minute without requests its collections shrink the heap and throw away
    // what V8 learned and compiled for the request path, and the next 10,000-odd requests cost 2-3 times the CPU
    // while it compiles again (bench/analysis.ts). A gateway between a dashboard's refreshes is idle that long.
    nodeArgs: [`--max-semi-space-size=${semiSpaceMb}`, `--max-old-space-size=${oldSpaceMb}`, '--no-memory-reducer'],
    env: Object.fromEntries(Object.entries(allocator).filter(([name]) => env[name] === undefined)),
    // Liftoff only: optimizing undici's HTTP parser (WebAssembly) costs a one-off 30 MB at the first AWX call.
    // No Maglev (Node 24's mid-tier compiler, off before): it held about 20 MB under load for no throughput.
    runtimeFlags: [`--heap-growing-percent=${GROWTH_PERCENT}`, '--liftoff-only', '--no-maglev'],
  };
}

/** V8 flags (dashes or underscores) by which an operator sizes the heap themselves, Node 22's percentage one too. */
const OPERATOR_HEAP_FLAG = /^--max[-_](?:old[-_]space|semi[-_]space|heap)[-_]size(?:[-_]percentage)?(?:=|$)/;

/** The heap-size flag the operator gave node (in its arguments or NODE_OPTIONS, quoted or not), if any: theirs wins. */
export function operatorHeapFlag(execArgv: readonly string[], nodeOptions = ''): string | undefined {
  const options = nodeOptions.split(/\s+/).map((arg) => arg.replace(/^["']|["']$/g, ''));
  return [...execArgv, ...options].find((arg) => OPERATOR_HEAP_FLAG.test(arg));
}
