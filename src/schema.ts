/** The executable schema: the SDL files in schema/ joined with the resolvers. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { printSchema, type GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';

/** Where the SDL lives, relative to this file (the same from src/ under tsx and from dist/src/). */
const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));

/** The SDL documents, in file-name order so the printed schema is stable. */
export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(`${dir}${name}`, 'utf8'));
}

/** Builds the gateway's schema. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers, inheritResolversFromInterfaces: true });
}

/** The schema as clients see it, printed for the committed schema.graphql. */
export function printSchemaSdl(): string {
  return `${printSchema(buildSchema())}\n`;
}
