/** The executable schema: the SDL files in schema/ joined with the resolvers. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { concatAST, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { printClientSchema } from './clientSchema.js';
import { resolvers } from './resolvers/index.js';
import { buildSubgraph, printSubgraph } from './subgraph.js';

/** Where the SDL lives, relative to this file (the same from src/ under tsx and from dist/src/). */
const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));

/** The SDL files as one document, in file-name order so the printed schema is stable. */
export function loadTypeDefs(dir = SCHEMA_DIR): DocumentNode {
  const files = readdirSync(dir).filter((name) => name.endsWith('.graphql')).sort();
  return concatAST(files.map((name) => parse(readFileSync(`${dir}${name}`, 'utf8'))));
}

/** Builds the gateway's schema: a federation subgraph, so a supergraph can join its entities. */
export function buildSchema(): GraphQLSchema {
  return buildSubgraph(loadTypeDefs(), resolvers);
}

/** The subgraph SDL (what `_service { sdl }` serves), printed for the committed schema.graphql. */
export function printSchemaSdl(): string {
  return `${printSubgraph(buildSchema())}\n`;
}

/** The client SDL (no federation machinery), printed for the committed schema.client.graphql. */
export function printClientSdl(): string {
  return printClientSchema(buildSchema(), loadTypeDefs());
}
