/** The committed printed schemas (schema.graphql, schema.client.graphql) and src/__generated__ must match the SDL in schema/. */
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { printClientSdl, printSchemaSdl } from '../src/schema.js';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('generated files', () => {
  it('schema.graphql is the printed schema (run `npm run codegen`)', () => {
    expect(read('schema.graphql')).toBe(printSchemaSdl());
  });

  it('schema.client.graphql is the printed client schema (run `npm run codegen`)', () => {
    expect(read('schema.client.graphql')).toBe(printClientSdl());
  });

  it('src/__generated__ matches codegen.yml output (run `npm run codegen`)', async () => {
    const config = parse(read('codegen.yml'));
    const outputs = await generate({ ...config, cwd: root.pathname, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(read(output.filename.replace(root.pathname, '')), output.filename).toBe(output.content);
    }
  }, 60_000);
});
