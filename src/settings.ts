/**
 * Every environment variable the gateway reads, grouped as in docs/configuration.md, with its default and a
 * one-line meaning: what `awx-graphql --help` prints. test/settings.test.ts holds it to the documented tables
 * (same groups, variables and defaults, in the same order) and to the names `loadConfig` actually reads.
 */

/** One documented setting: its variable (and the collections' names for it), its default, what it does. */
export interface Setting {
  /** As the settings table names it, e.g. `AWX_URL (CONTROLLER_HOST, TOWER_HOST)`. */
  variable: string;
  /** As the table gives it, markup aside, e.g. `(unset: embedded demo)` or `10000`. */
  default: string;
  summary: string;
}

/** The settings, by the group headings of docs/configuration.md's "Settings". */
export const SETTINGS: readonly { group: string; settings: readonly Setting[] }[] = [
  { group: 'The controller', settings: [
    { variable: 'AWX_URL (CONTROLLER_HOST, TOWER_HOST)', default: '(unset: embedded demo)', summary: 'base URL of AWX or the AAP controller' },
    { variable: 'CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX', default: '(unset: discovered)', summary: 'the API path, e.g. /api/controller/ for AAP 2.5+' },
    { variable: 'DEMO', default: '(unset)', summary: 'true serves the embedded demo even where a controller is expected' },
    { variable: 'NODE_ENV', default: '(unset)', summary: 'production makes a missing controller URL an error, not the demo' },
    { variable: 'AWX_TOKEN (CONTROLLER_OAUTH_TOKEN, TOWER_OAUTH_TOKEN)', default: '(unset)', summary: 'service token for callers who send no Authorization' },
    { variable: 'CONTROLLER_USERNAME, CONTROLLER_PASSWORD (TOWER_USERNAME, TOWER_PASSWORD)', default: '(unset)', summary: 'service user (Basic) for callers who send no Authorization' },
    { variable: 'AWX_CA_FILE', default: '(unset)', summary: "PEM file of the CA that signed AWX's certificate" },
    { variable: 'AWX_INSECURE_TLS (CONTROLLER_VERIFY_SSL=false, TOWER_VERIFY_SSL=false)', default: 'false', summary: "true skips verifying AWX's certificate (tests only)" },
  ] },
  { group: 'Calls to AWX', settings: [
    { variable: 'AWX_TIMEOUT_MS (CONTROLLER_REQUEST_TIMEOUT, in seconds)', default: '10000', summary: 'deadline of each AWX request, retries included' },
    { variable: 'OPERATION_TIMEOUT_MS', default: '15000, or AWX_TIMEOUT_MS when longer', summary: 'deadline of all the AWX calls of one operation' },
    { variable: 'AWX_DETAIL_CONCURRENCY', default: '8', summary: 'detail reads at once per request' },
    { variable: 'AWX_RETRIES', default: '2', summary: 'retries of an AWX read that got 502, 503, 504 or a reset' },
    { variable: 'AWX_BREAKER_FAILURES', default: '5', summary: 'failures in the window before the breaker may open (0: off)' },
    { variable: 'AWX_BREAKER_FAILURE_RATE', default: '50', summary: "percentage of the window's calls that must have failed" },
    { variable: 'AWX_BREAKER_WINDOW_MS', default: '10000', summary: 'how far back the breaker counts calls' },
    { variable: 'AWX_BREAKER_COOLDOWN_MS', default: '10000', summary: 'how long the open breaker fails calls before a probe' },
    { variable: 'AWX_MAX_CONCURRENCY', default: '32', summary: 'AWX requests in flight, all callers together' },
    { variable: 'AWX_MAX_QUEUE', default: '1024', summary: 'AWX requests waiting for a slot' },
  ] },
  { group: 'HTTP server', settings: [
    { variable: 'HOST', default: '(all interfaces)', summary: 'address to listen on' },
    { variable: 'PORT', default: '4000', summary: 'port to listen on (0 picks a free one)' },
    { variable: 'ALLOWED_HOSTS', default: '(unset: see meaning)', summary: 'Host names to answer (unset: loopback only, with a credential)' },
    { variable: 'CORS_ORIGINS', default: '(none)', summary: 'browser origins whose pages may call the gateway' },
    { variable: 'HEADERS_TIMEOUT_MS', default: '10000', summary: "how long a client may take to send a request's headers" },
    { variable: 'BODY_TIMEOUT_MS', default: '10000', summary: "how long a request's body may take after its headers" },
    { variable: 'MAX_BODY_BYTES', default: '1048576', summary: 'largest request body' },
    { variable: 'MAX_INFLIGHT_REQUESTS', default: 'adaptive, 4 to 16 per core', summary: 'queries executing at once (0: no admission control)' },
    { variable: 'MAX_QUEUED_REQUESTS', default: '1024', summary: 'queries waiting for a slot; beyond, 503 OVERLOADED' },
    { variable: 'SHUTDOWN_TIMEOUT_MS', default: '15000', summary: 'on SIGTERM, how long in-flight requests may take to finish' },
    { variable: 'MEMORY_LIMIT_MB', default: '(container limit, else 512)', summary: 'memory `start` sizes the V8 heap for (0: node decides)' },
  ] },
  { group: 'Query limits', settings: [
    { variable: 'MAX_QUERY_BYTES', default: '32768', summary: 'largest query text' },
    { variable: 'MAX_TOKENS', default: '1000', summary: 'most lexical tokens in a query' },
    { variable: 'MAX_DEPTH', default: '15', summary: 'deepest field nesting' },
    { variable: 'MAX_ALIASES', default: '30', summary: 'most aliases in a query' },
    { variable: 'MAX_DIRECTIVES', default: '50', summary: 'most directives in a query' },
    { variable: 'MAX_COST', default: '20000', summary: 'highest query cost (about the objects in the answer)' },
    { variable: 'MAX_AWX_CALLS', default: '250', summary: 'most AWX calls one query or mutation may make' },
    { variable: 'MAX_INPUT_DEPTH', default: '64', summary: 'deepest nesting of variables and arguments' },
  ] },
  { group: 'Endpoints and logs', settings: [
    { variable: 'GRAPHIQL', default: 'true', summary: 'serve GraphiQL to browsers at /graphql' },
    { variable: 'INTROSPECTION', default: 'true', summary: 'answer __schema and __type queries' },
    { variable: 'METRICS', default: 'true', summary: 'serve Prometheus metrics at /metrics' },
    { variable: 'READINESS_CACHE_MS', default: '2000', summary: "how long /readiness reuses AWX's ping answer" },
    { variable: 'READINESS_TIMEOUT_MS', default: '2000', summary: "how long /readiness waits for AWX's ping" },
    { variable: 'LOG_LEVEL', default: 'info', summary: 'fatal, error, warn, info, debug, trace or silent' },
  ] },
  { group: 'Cache', settings: [
    { variable: 'CACHE', default: 'off', summary: 'cache of finished jobs: off, memory or redis' },
    { variable: 'REDIS_URL', default: '(unset)', summary: "the cache's Redis, and where replicas share subscription watchers" },
    { variable: 'CACHE_TTL_MS', default: '300000', summary: 'how long a finished job is kept' },
    { variable: 'CACHE_ACTIVE_TTL_MS', default: '0', summary: 'how long a running job is kept (0: never cached)' },
    { variable: 'CACHE_MAX_ENTRIES', default: '10000', summary: 'bound of the memory cache' },
    { variable: 'CACHE_KEY_SECRET', default: '(unset)', summary: 'HMAC key of credential fingerprints in Redis' },
    { variable: 'CACHE_REDIS_PREFIX', default: 'awx-graphql:', summary: 'prefix of every Redis key and channel' },
  ] },
  { group: 'Subscriptions', settings: [
    { variable: 'SUBSCRIPTION_POLL_MS', default: '2000', summary: 'how often a subscription polls AWX at first' },
    { variable: 'SUBSCRIPTION_POLL_MAX_MS', default: '30000', summary: 'the longest polling interval' },
    { variable: 'SUBSCRIPTION_MAX_WATCHERS', default: '500', summary: 'jobs watched at once by one gateway' },
    { variable: 'SUBSCRIPTION_MAX_WATCHERS_PER_CREDENTIAL', default: '50', summary: 'jobs watched at once for one credential' },
    { variable: 'AWX_WEBSOCKET', default: 'auto', summary: "auto learns job changes from AWX's websocket; off always polls" },
  ] },
  { group: 'Persisted documents', settings: [
    { variable: 'APQ', default: 'true', summary: "answer Apollo's automatic persisted queries" },
    { variable: 'APQ_MAX_ENTRIES', default: '1000', summary: 'queries the APQ store keeps (with Redis: new ones per APQ_TTL_MS)' },
    { variable: 'APQ_TTL_MS', default: '86400000', summary: 'how long Redis keeps a registered APQ query' },
    { variable: 'PERSISTED_DOCUMENTS_FILE', default: '(unset)', summary: "manifest of trusted documents, as codegen's client preset writes it" },
    { variable: 'PERSISTED_DOCUMENTS_ONLY', default: 'false', summary: "true runs nothing but the manifest's documents" },
  ] },
  { group: 'Tracing', settings: [
    { variable: 'OTEL_TRACES_EXPORTER', default: '(unset: off, or otlp when an endpoint is set)', summary: 'otlp, console, otlp,console or none' },
    { variable: 'OTEL_EXPORTER_OTLP_ENDPOINT', default: 'http://localhost:4318', summary: 'OTLP/HTTP receiver; setting it switches tracing on' },
    { variable: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', default: '(unset)', summary: 'full URL spans are sent to, used as given' },
    { variable: 'OTEL_EXPORTER_OTLP_PROTOCOL (OTEL_EXPORTER_OTLP_TRACES_PROTOCOL)', default: 'http/protobuf', summary: 'http/protobuf or http/json' },
    { variable: 'OTEL_EXPORTER_OTLP_HEADERS (OTEL_EXPORTER_OTLP_TRACES_HEADERS)', default: '(none)', summary: 'headers of each export, key=value,… (never logged)' },
    { variable: 'OTEL_EXPORTER_OTLP_TIMEOUT (OTEL_EXPORTER_OTLP_TRACES_TIMEOUT)', default: '10000', summary: 'how long one export may take' },
    { variable: 'OTEL_SERVICE_NAME', default: 'awx-graphql', summary: 'service.name of the spans' },
    { variable: 'OTEL_RESOURCE_ATTRIBUTES', default: '(none)', summary: 'more resource attributes, key=value,…' },
    { variable: 'OTEL_TRACES_SAMPLER', default: 'parentbased_always_on', summary: 'which traces are kept' },
    { variable: 'OTEL_TRACES_SAMPLER_ARG', default: '1', summary: 'share of traces a ratio sampler keeps, 0–1' },
    { variable: 'OTEL_SDK_DISABLED', default: 'false', summary: 'true turns tracing off whatever else is set' },
  ] },
];

/** The settings as `--help` prints them: by group, each variable on a line, its meaning and default below. */
export function formatSettings(): string {
  return SETTINGS.map(({ group, settings }) => [
    `${group}:`,
    ...settings.map((s) => `  ${s.variable}\n      ${s.summary}; default ${s.default}`),
  ].join('\n')).join('\n\n');
}
