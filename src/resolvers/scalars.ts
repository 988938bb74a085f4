/** `DateTime` and `JSON`: AWX timestamps pass through unchanged; inputs are checked and normalised to UTC. */
import { GraphQLError, GraphQLScalarType, Kind, type GraphQLScalarTypeConfig, type ValueNode } from 'graphql';
import { quote } from '../errors.js';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;

function toInstant(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(`DateTime must be an ISO 8601 date-time with a time zone, e.g. 2024-03-05T20:46:14Z; got ${quote(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Date(value).toISOString();
}

/**
 * Scalar behaviour to attach to a scalar declared in SDL. @apollo/subgraph copies each defined key of it
 * onto the SDL's scalar and skips undefined ones, so the SDL's description (GraphiQL's docs) stays.
 */
function scalarBehaviour<I, O>(name: string, config: Omit<GraphQLScalarTypeConfig<I, O>, 'name' | 'description'>): GraphQLScalarType<I, O> {
  return new GraphQLScalarType({ ...config, name });
}

/** An ISO 8601 instant. */
export const DateTime = scalarBehaviour<string, string>('DateTime', {
  serialize(value) {
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    throw new GraphQLError(`AWX sent a timestamp that is not ISO 8601: ${quote(value)}.`, { extensions: { code: 'UPSTREAM_ERROR' } });
  },
  parseValue: toInstant,
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) return toInstant(undefined);
    return toInstant(node.value);
  },
});

function literalValue(node: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((item) => literalValue(item, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[node.name.value];
  }
}

/** Any JSON value, passed through. */
export const JSON_SCALAR = scalarBehaviour<unknown, unknown>('JSON', {
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => literalValue(node, variables),
});
