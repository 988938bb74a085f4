/**
 * OpenTelemetry tracing settings from the standard `OTEL_*` variables. Tracing is off unless asked for:
 * OTEL_TRACES_EXPORTER names an exporter (`otlp`, `console`), or it is unset and an OTLP endpoint is set.
 * OTEL_SDK_DISABLED=true turns it off whatever else is set.
 */
import { boolean, integer, type Env } from '../../envParsers.js';

/** Where spans go. */
export type TraceExporterName = 'otlp' | 'console';
/** OTLP over HTTP, as protobuf (the specification's default) or JSON. */
export type OtlpProtocol = 'http/protobuf' | 'http/json';
/** The samplers of the OpenTelemetry specification that need no remote service. */
export type SamplerName = 'always_on' | 'always_off' | 'traceidratio' | 'parentbased_always_on' | 'parentbased_always_off' | 'parentbased_traceidratio';

/** Tracing switched on: what to export, where, and how much. */
export interface TracingConfig {
  /** `service.name` of every span (OTEL_SERVICE_NAME, default `awx-graphql`). */
  serviceName: string;
  /** Further resource attributes (OTEL_RESOURCE_ATTRIBUTES), e.g. `deployment.environment.name`. */
  resourceAttributes: Record<string, string>;
  exporters: TraceExporterName[];
  /** The OTLP/HTTP exporter's settings; present when `exporters` has `otlp`. */
  otlp?: { url: string; protocol: OtlpProtocol; headers: Record<string, string>; timeoutMs: number };
  sampler: SamplerName;
  /** Share of traces kept by the ratio samplers (OTEL_TRACES_SAMPLER_ARG), 0–1. */
  samplerRatio: number;
}

const EXPORTERS = ['otlp', 'console', 'none'];
const PROTOCOLS: readonly OtlpProtocol[] = ['http/protobuf', 'http/json'];
const SAMPLERS: readonly SamplerName[] = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'];
/** The OTLP/HTTP receiver's default address (the specification's, port 4318). */
export const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

/** The first of `names` that is set (non-empty), with its name. */
function first(env: Env, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) if (env[name]) return { name, value: env[name]!.trim() };
  return undefined;
}

/** The tracing settings, or undefined when tracing is off; bad values are added to `problems`. */
export function tracingConfig(env: Env, problems: string[]): TracingConfig | undefined {
  if (boolean(env, 'OTEL_SDK_DISABLED', problems)) return undefined;
  const exporters = exporterNames(env, problems);
  if (exporters.length === 0) return undefined;
  const sampler = samplerName(env, problems);
  const resourceAttributes = keyValues(env, 'OTEL_RESOURCE_ATTRIBUTES', problems);
  return {
    serviceName: env.OTEL_SERVICE_NAME?.trim() || resourceAttributes['service.name'] || 'awx-graphql',
    resourceAttributes,
    exporters,
    otlp: exporters.includes('otlp') ? otlpSettings(env, problems) : undefined,
    sampler,
    samplerRatio: sampler.endsWith('traceidratio') ? ratio(env, problems) : 1,
  };
}

/** OTEL_TRACES_EXPORTER; when unset, `otlp` if an OTLP endpoint is set, else none (tracing off). */
function exporterNames(env: Env, problems: string[]): TraceExporterName[] {
  const raw = env.OTEL_TRACES_EXPORTER?.trim();
  if (!raw) return first(env, ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT']) ? ['otlp'] : [];
  const names = [...new Set(raw.toLowerCase().split(',').map((name) => name.trim()).filter(Boolean))];
  const unknown = names.filter((name) => !EXPORTERS.includes(name));
  if (unknown.length > 0) problems.push(`OTEL_TRACES_EXPORTER must be otlp, console or none (or otlp,console), got "${raw}"`);
  else if (names.includes('none') && names.length > 1) problems.push(`OTEL_TRACES_EXPORTER cannot combine none with an exporter, got "${raw}"`);
  return names.filter((name): name is TraceExporterName => name === 'otlp' || name === 'console');
}

/** Where and how the OTLP exporter sends: the traces endpoint as given, or the general one with `/v1/traces`. */
function otlpSettings(env: Env, problems: string[]): TracingConfig['otlp'] {
  const specific = first(env, ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
  const general = first(env, ['OTEL_EXPORTER_OTLP_ENDPOINT']) ?? { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: DEFAULT_OTLP_ENDPOINT };
  const url = specific ? endpoint(specific, problems) : endpoint(general, problems)?.replace(/\/*$/, '/v1/traces');
  const protocolVar = first(env, ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']);
  const protocol = (protocolVar?.value ?? 'http/protobuf') as OtlpProtocol;
  if (protocolVar && !PROTOCOLS.includes(protocol)) {
    problems.push(`${protocolVar.name} must be http/protobuf or http/json (OTLP over HTTP, port 4318; grpc is not supported), got "${protocolVar.value}"`);
  }
  const timeoutName = env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ? 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT' : 'OTEL_EXPORTER_OTLP_TIMEOUT';
  return {
    url: url ?? DEFAULT_OTLP_ENDPOINT,
    protocol,
    headers: { ...keyValues(env, 'OTEL_EXPORTER_OTLP_HEADERS', problems), ...keyValues(env, 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', problems) },
    timeoutMs: integer(env, timeoutName, 10_000, 1, 600_000, problems),
  };
}

/** An absolute http(s) URL without credentials (they belong in OTEL_EXPORTER_OTLP_HEADERS, which is never logged). */
function endpoint({ name, value }: { name: string; value: string }, problems: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name} must be an absolute http(s) URL such as http://otel-collector:4318, got "${value}"`);
    return undefined;
  }
  if (!['http:', 'https:'].includes(url.protocol)) problems.push(`${name} must use http or https (OTLP over HTTP), got "${value}"`);
  if (url.username || url.password) problems.push(`${name} must not contain credentials: put them in OTEL_EXPORTER_OTLP_HEADERS`);
  return url.toString();
}

/** The W3C Baggage-like `key=value,key2=value2` lists of OTEL_EXPORTER_OTLP_HEADERS and OTEL_RESOURCE_ATTRIBUTES (values percent-encoded). */
export function keyValues(env: Env, name: string, problems: string[]): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const item of (env[name] ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const at = item.indexOf('=');
    const key = item.slice(0, at).trim();
    let value: string | undefined;
    try {
      value = decodeURIComponent(item.slice(at + 1).trim());
    } catch {
      value = undefined;
    }
    // The item is not quoted back: it may hold a credential (an API key header).
    if (at <= 0 || !/^[\w.\-/]+$/.test(key) || value === undefined) problems.push(`${name} must be comma-separated key=value pairs (values percent-encoded); an entry is not`);
    else pairs[key] = value;
  }
  return pairs;
}

function samplerName(env: Env, problems: string[]): SamplerName {
  const raw = env.OTEL_TRACES_SAMPLER?.trim();
  if (!raw) return 'parentbased_always_on';
  const name = raw.toLowerCase() as SamplerName;
  if (SAMPLERS.includes(name)) return name;
  problems.push(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}, got "${raw}"`);
  return 'parentbased_always_on';
}

/** OTEL_TRACES_SAMPLER_ARG of a ratio sampler: a number from 0 to 1 (default 1). */
function ratio(env: Env, problems: string[]): number {
  const raw = env.OTEL_TRACES_SAMPLER_ARG?.trim();
  if (!raw) return 1;
  const value = /^\d*\.?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 0 && value <= 1)) problems.push(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 for ${env.OTEL_TRACES_SAMPLER}, got "${raw}"`);
  return value;
}
