/** The heap derivation (src/heap.ts): the memory budget from MEMORY_LIMIT_MB or the cgroup, and the flags it gives. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { cgroupLimit, heapPlan, memoryBudget, operatorHeapFlag } from '../src/heap.js';

/** A file system holding only these files. */
const files = (entries: Record<string, string>) => (path: string) => entries[path];
const MB = 2 ** 20;

describe('the memory budget', () => {
  it('is a container\'s cgroup v2 limit (its cgroup is the mount\'s root)', () => {
    const read = files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/memory.max': `${256 * MB}\n` });
    expect(memoryBudget({}, read)).toEqual({ mb: 256, source: 'cgroup v2 memory.max' });
  });

  it('is the tightest of a host service\'s cgroup v2 and its ancestors', () => {
    const read = files({
      '/proc/self/cgroup': '0::/system.slice/awx-graphql.service\n',
      '/sys/fs/cgroup/system.slice/awx-graphql.service/memory.max': 'max\n',
      '/sys/fs/cgroup/system.slice/memory.max': `${1024 * MB}\n`,
    });
    expect(memoryBudget({}, read)).toEqual({ mb: 1024, source: 'cgroup v2 memory.max' });
  });

  it('is a cgroup v1 limit, from the memory controller\'s line', () => {
    const read = files({
      '/proc/self/cgroup': '12:pids:/docker/abc\n4:cpu,memory:/docker/abc\n0::/\n',
      '/sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes': `${768 * MB}\n`,
    });
    expect(memoryBudget({}, read)).toEqual({ mb: 768, source: 'cgroup v1 memory.limit_in_bytes' });
  });

  it('is the mount root\'s limit when the cgroup path lies outside the namespace\'s root ("/../x")', () => {
    const read = files({
      '/proc/self/cgroup': '0::/../other.slice/x\n',
      '/sys/fs/cgroup/memory.max': `${384 * MB}\n`,
      '/sys/fs/cgroup/../other.slice/x/memory.max': `${64 * MB}\n`,
    });
    expect(memoryBudget({}, read)).toEqual({ mb: 384, source: 'cgroup v2 memory.max' });
  });

  it('falls back to 512 MB when the cgroup sets no limit (v2 "max", v1 about 2^63) or there is none', () => {
    const v2 = files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/memory.max': 'max\n' });
    const v1 = files({ '/proc/self/cgroup': '4:memory:/\n', '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712\n' });
    for (const read of [v2, v1, files({})]) expect(memoryBudget({}, read)).toEqual({ mb: 512, source: 'default' });
    expect(cgroupLimit(v2)).toBeUndefined();
  });

  it('is MEMORY_LIMIT_MB when set, whatever the cgroup says; 0 or a bad value gives none', () => {
    const read = files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/memory.max': `${256 * MB}\n` });
    expect(memoryBudget({ MEMORY_LIMIT_MB: '300' }, read)).toEqual({ mb: 300, source: 'MEMORY_LIMIT_MB' });
    expect(memoryBudget({ MEMORY_LIMIT_MB: '0' }, read)).toBeUndefined();
    expect(memoryBudget({ MEMORY_LIMIT_MB: '1.5g' }, read)).toBeUndefined();
  });

  it('stops the gateway with the other configuration problems when MEMORY_LIMIT_MB is not a figure', () => {
    expect(() => loadConfig({ MEMORY_LIMIT_MB: '1.5g' })).toThrow('MEMORY_LIMIT_MB must be an integer from 0 to 1048576, got "1.5g"');
    expect(() => loadConfig({ MEMORY_LIMIT_MB: '0' })).not.toThrow();
  });
});

describe('the heap plan', () => {
  it('gives 16 MB semi-spaces and the budget less 64 MB and the young generation as the old-space ceiling', () => {
    expect(heapPlan({ mb: 512, source: 'default' })).toEqual({
      budget: { mb: 512, source: 'default' },
      nodeArgs: ['--max-semi-space-size=16', '--max-old-space-size=416', '--no-memory-reducer'],
      env: { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' },
      runtimeFlags: ['--heap-growing-percent=60', '--liftoff-only', '--no-maglev'],
    });
  });

  it('keeps the young generation within an eighth of a small budget, and old space no smaller than 48 MB', () => {
    const args = (mb: number) => heapPlan({ mb, source: 'MEMORY_LIMIT_MB' }).nodeArgs;
    expect(args(256)).toEqual(['--max-semi-space-size=16', '--max-old-space-size=160', '--no-memory-reducer']);
    expect(args(200)).toEqual(['--max-semi-space-size=8', '--max-old-space-size=120', '--no-memory-reducer']);
    expect(args(100)).toEqual(['--max-semi-space-size=4', '--max-old-space-size=48', '--no-memory-reducer']);
    expect(args(4096)).toEqual(['--max-semi-space-size=16', '--max-old-space-size=4000', '--no-memory-reducer']);
  });

  it('warns when the budget is below what the gateway holds under load, and only then', () => {
    expect(heapPlan({ mb: 128, source: 'cgroup v2 memory.max' }).warning).toBe('a memory budget of 128 MB (cgroup v2 memory.max) is below the 160 MB the gateway holds under load: expect it to be killed for memory');
    expect(heapPlan({ mb: 160, source: 'MEMORY_LIMIT_MB' }).warning).toBeUndefined();
  });

  it('keeps the operator\'s own allocator settings', () => {
    expect(heapPlan({ mb: 512, source: 'default' }, { MALLOC_ARENA_MAX: '4' }).env).toEqual({ MALLOC_TRIM_THRESHOLD_: '131072' });
  });
});

describe('an operator\'s own heap size', () => {
  it('is found in NODE_OPTIONS or node\'s arguments, with dashes or underscores', () => {
    expect(operatorHeapFlag([], '--enable-source-maps --max-old-space-size=300')).toBe('--max-old-space-size=300');
    expect(operatorHeapFlag(['--max_semi_space_size=8'])).toBe('--max_semi_space_size=8');
    expect(operatorHeapFlag(['--max-heap-size=600'], '')).toBe('--max-heap-size=600');
  });

  it('is Node 22\'s percentage flag too, and a flag quoted in NODE_OPTIONS', () => {
    expect(operatorHeapFlag([], '--max-old-space-size-percentage=10')).toBe('--max-old-space-size-percentage=10');
    expect(operatorHeapFlag([], '"--max-old-space-size=200"')).toBe('--max-old-space-size=200');
    expect(operatorHeapFlag([], "--enable-source-maps '--max-semi-space-size=8'")).toBe('--max-semi-space-size=8');
  });

  it('is not any other flag', () => {
    expect(operatorHeapFlag(['--conditions=development', '--import', 'tsx'], '--stack-size=2000 --max-http-header-size=16384')).toBeUndefined();
  });
});
