/**
 * Global ids (the Relay spec's Global Object Identification): a GraphQL type name and an AWX id made into one
 * opaque string, unique across types where AWX's ids repeat (workflow job 33, workflow job template 33).
 */
import { kindOfGraphqlType, type Kind } from '../awx/kinds.js';
import { badInput, quote } from '../errors.js';

/** The object a global id names. */
export interface NodeRef {
  kind: Kind;
  id: number;
}

const MAX_ID = 2 ** 31 - 1;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const TYPE_AND_ID = /^([A-Za-z]+):([1-9][0-9]{0,9})$/;

/** `WorkflowJob` 33 → `V29ya2Zsb3dKb2I6MzM=`: base64 of `<type>:<id>`, the format graphql-relay's `toGlobalId` writes. */
export function toGlobalId(graphqlType: string, id: number): string {
  return Buffer.from(`${graphqlType}:${id}`, 'utf8').toString('base64');
}

/**
 * The object a global id names, or undefined for anything this API did not issue: not canonical base64, a type
 * that is no AWX kind, an id that is no AWX id. Decoding costs nothing and reads nothing from AWX.
 */
export function decodeGlobalId(raw: unknown): NodeRef | undefined {
  if (typeof raw !== 'string' || raw.length > 100 || !BASE64.test(raw)) return undefined;
  const text = Buffer.from(raw, 'base64').toString('utf8');
  // Base64 decoding forgives stray bits and padding; only the one spelling this API writes is accepted.
  const match = Buffer.from(text, 'utf8').toString('base64') === raw ? TYPE_AND_ID.exec(text) : null;
  const kind = match ? kindOfGraphqlType(match[1]!) : undefined;
  const id = Number(match?.[2]);
  return kind && id <= MAX_ID ? { kind, id } : undefined;
}

/** A client's global id; anything else is BAD_USER_INPUT naming the argument, before any AWX call. */
export function parseGlobalId(raw: unknown, argument: string): NodeRef {
  const ref = decodeGlobalId(raw);
  if (!ref) {
    throw badInput(
      `'${argument}' must be the globalId of an object of this API, e.g. ${quote(toGlobalId('WorkflowJob', 33))} for workflow job 33, got ${quote(raw)}. ` +
        'AWX ids go to the by-id fields, e.g. workflowJob(id: 33).',
      { argument },
    );
  }
  return ref;
}
