/**
 * The trusted documents manifest (PERSISTED_DOCUMENTS_FILE): the JSON object `{ "<document id>": "<document>" }`
 * that codegen's client preset writes with `persistedDocuments: true`, read and checked once at start.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';

/** Document ids to documents; a SHA-256 id is kept as `sha256:<hex>`, whichever way the file wrote it. */
export type PersistedManifest = ReadonlyMap<string, string>;

/** Most problems of one file listed at start: a wrong file would otherwise fill the screen. */
const MAX_LISTED = 5;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const SHA256_ID = /^sha256:[0-9a-f]{64}$/;
/** The convention's custom and `x-` prefixed ids (unreserved characters), and codegen's sha1 hex. */
const OTHER_ID = /^(x-[A-Za-z0-9._~-]+:)?[A-Za-z0-9._~-]{1,256}$/;

/** The lower-case hex SHA-256 of a document's UTF-8 text: its APQ hash and the payload of its `sha256:` id. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The id a manifest is keyed by: a bare 64-hex SHA-256 (older presets, APQ hashes) becomes `sha256:<hex>`. */
export function canonicalId(id: string): string {
  return SHA256_HEX.test(id) ? `sha256:${id}` : id;
}

/** Why one entry cannot be trusted, or undefined when it can. */
function entryProblem(id: string, document: unknown): string | undefined {
  if (typeof document !== 'string' || document.trim() === '') return `"${id.slice(0, 80)}" must map to a GraphQL document (a non-empty string)`;
  const canonical = canonicalId(id);
  if (!SHA256_ID.test(canonical) && !OTHER_ID.test(id)) return `"${id.slice(0, 80)}" is not a document id (sha256:<64 hex>, or letters, digits and -._~)`;
  if (SHA256_ID.test(canonical) && canonical !== `sha256:${sha256Hex(document)}`) {
    return `"${id}" is not the SHA-256 of its document (sha256:${sha256Hex(document)}): the file was edited or written with another hash`;
  }
  try {
    const parsed = parse(document, { noLocation: true });
    const foreign = parsed.definitions.find((definition) => definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION);
    if (foreign) return `"${id.slice(0, 80)}" must hold only operations and fragments (found ${foreign.kind})`;
  } catch (error) {
    return `"${id.slice(0, 80)}" does not parse: ${(error as Error).message}`;
  }
  return undefined;
}

/**
 * Reads and checks the manifest: readable, a JSON object, every document parses into operations and fragments,
 * and every SHA-256 id is its document's hash. Problems are named in `problems` (and nothing is returned).
 */
export function readManifest(file: string, problems: string[]): PersistedManifest | undefined {
  const name = `PERSISTED_DOCUMENTS_FILE "${file}"`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(code ? `${name} cannot be read (${code})` : `${name} is not JSON: ${(error as Error).message}`);
    return undefined;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    problems.push(`${name} must be a JSON object of document ids to documents, as codegen's client preset writes (persisted-documents.json)`);
    return undefined;
  }
  const documents = new Map<string, string>();
  const found: string[] = [];
  for (const [id, document] of Object.entries(json)) {
    const problem = entryProblem(id, document);
    if (problem) found.push(problem);
    else documents.set(canonicalId(id), document as string);
  }
  if (documents.size === 0 && found.length === 0) found.push('holds no document');
  for (const problem of found.slice(0, MAX_LISTED)) problems.push(`${name}: ${problem}`);
  if (found.length > MAX_LISTED) problems.push(`${name}: and ${found.length - MAX_LISTED} more entries like these`);
  return found.length > 0 ? undefined : documents;
}
