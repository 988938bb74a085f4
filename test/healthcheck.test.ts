/** The image's HEALTHCHECK program (src/healthcheck.ts) run as the container runs it, against a real gateway. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { useTestGateway } from './gateway.js';

const gw = useTestGateway();

/** Runs the probe with only this environment; resolves with its exit code. */
async function probe(env: Record<string, string>): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/healthcheck.ts'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('the health probe', () => {
  it('exits 0 when the gateway at HOST and PORT answers /health', async () => {
    const { port } = new URL(gw.url);
    expect(await probe({ HOST: '127.0.0.1', PORT: port })).toBe(0);
    expect(gw.upstreamPaths()).toEqual([]); // liveness only: AWX is never asked
  });

  it('reaches a wildcard HOST on loopback', async () => {
    expect(await probe({ HOST: '0.0.0.0', PORT: new URL(gw.url).port })).toBe(0);
  });

  it('exits 1 when nothing answers there', async () => {
    expect(await probe({ HOST: '127.0.0.2', PORT: new URL(gw.url).port })).toBe(1);
  });
});
