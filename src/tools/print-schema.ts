/**
 * Writes the printed schemas at the project root (`npm run codegen` runs it): schema.graphql, the subgraph SDL a
 * supergraph composes, and schema.client.graphql, the same API without federation for client tools.
 */
import { writeFileSync } from 'node:fs';
import { printClientSdl, printSchemaSdl } from '../schema.js';

writeFileSync(new URL('../../schema.graphql', import.meta.url), printSchemaSdl());
writeFileSync(new URL('../../schema.client.graphql', import.meta.url), printClientSdl());
