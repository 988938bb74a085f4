/** Writes the printed schema to schema.graphql at the project root (`npm run codegen` runs it). */
import { writeFileSync } from 'node:fs';
import { printSchemaSdl } from '../schema.js';

writeFileSync(new URL('../../schema.graphql', import.meta.url), printSchemaSdl());
