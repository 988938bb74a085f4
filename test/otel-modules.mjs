/**
 * Preloaded (`--import`) into a gateway process by test/tracing-otlp.test.ts: as the process exits, writes to
 * OTEL_MODULES_FILE every OpenTelemetry module it loaded, one path a line, to show that tracing off loads
 * none of the SDK.
 * The OpenTelemetry packages load as CommonJS (their `default` export condition), so the require cache holds them.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const loaded = Object.keys(cache).filter((path) => path.includes('/@opentelemetry/'));
  writeFileSync(process.env.OTEL_MODULES_FILE ?? '', loaded.join('\n'));
});
