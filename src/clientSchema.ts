/**
 * The client schema (schema.client.graphql): the API as applications and their tools see it — Relay's compiler,
 * codegen, linters — without the Apollo Federation machinery a supergraph needs (`@link`, `@key`, `_entities`,
 * `_service`, the `link__`/`federation__` types), which such tools do not implement.
 */
import { buildASTSchema, Kind, parse, printSchema, type DefinitionNode, type DocumentNode, type GraphQLSchema } from 'graphql';

/** Types and root fields federation adds: `_Any`, `_Entity`, `_Service`, `_entities`, `_service`, `link__*`, `federation__*`. */
const FEDERATION_NAME = /^(_|link__|federation__)/;

/** A definition as the client schema keeps it: federation's types and directives dropped, its root fields too. */
function clientDefinition(definition: DefinitionNode, ownDirectives: ReadonlySet<string>): DefinitionNode[] {
  if (definition.kind === Kind.DIRECTIVE_DEFINITION) return ownDirectives.has(definition.name.value) ? [definition] : [];
  if (!('name' in definition) || !definition.name) return [definition];
  if (FEDERATION_NAME.test(definition.name.value)) return [];
  if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Query') return [definition];
  return [{ ...definition, fields: definition.fields?.filter((field) => !FEDERATION_NAME.test(field.name.value)) }];
}

/**
 * The client SDL of a subgraph schema built from `typeDefs`: every type, field, description, deprecation and
 * `@specifiedBy` it serves, and only the directives `typeDefs` declare themselves. Rebuilt before printing,
 * so what is written is a valid schema on its own.
 */
export function printClientSchema(schema: GraphQLSchema, typeDefs: DocumentNode): string {
  const ownDirectives = new Set(typeDefs.definitions.flatMap((d) => (d.kind === Kind.DIRECTIVE_DEFINITION ? [d.name.value] : [])));
  const printed = parse(printSchema(schema));
  const definitions = printed.definitions.flatMap((definition) => clientDefinition(definition, ownDirectives));
  return `${printSchema(buildASTSchema({ kind: Kind.DOCUMENT, definitions }))}\n`;
}
