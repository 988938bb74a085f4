/** The connection pool to AWX, shared by all callers (it holds no credentials). */
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import type { AwxTransport } from './client.js';

/** How to reach AWX, as read from configuration. */
export interface AwxTransportOptions {
  url: string;
  timeoutMs: number;
  caFile?: string;
  insecureTls?: boolean;
  maxBodyBytes?: number;
  connections?: number;
}

/** Builds the keep-alive pool; a CA file trusts a private AWX certificate, `insecureTls` skips checks. */
export function createAwxTransport(options: AwxTransportOptions): AwxTransport {
  const connect: Record<string, unknown> = {};
  if (options.caFile) connect.ca = readFileSync(options.caFile);
  if (options.insecureTls) connect.rejectUnauthorized = false;
  const dispatcher = new Agent({
    keepAliveTimeout: 10_000,
    connections: options.connections ?? 64,
    connect,
  });
  return {
    baseUrl: new URL(options.url),
    dispatcher,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? 32 * 1024 * 1024,
  };
}
