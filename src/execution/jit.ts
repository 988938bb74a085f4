/**
 * graphql-jit without fast-json-stringify. graphql-jit requires it, with ajv and its formats, when it loads, for
 * its `customJSONSerializer` option: about 1.4 MB of heap held for the life of the process. Compiled queries here
 * never turn that option on (Yoga serializes every answer), so a module standing in for it is put where Node's
 * `require` looks first; should anything call it, it throws. Nothing else in the gateway's dependencies uses it.
 */
import { createRequire, Module } from 'node:module';
import type * as GraphqlJit from 'graphql-jit';

const load = createRequire(import.meta.url);
const jitPath = load.resolve('graphql-jit');
const serializerPath = createRequire(jitPath).resolve('fast-json-stringify');

if (!load.cache[serializerPath]) {
  const standIn = new Module(serializerPath);
  standIn.filename = serializerPath;
  standIn.loaded = true;
  standIn.exports = () => {
    throw new Error('fast-json-stringify is not loaded in this gateway: graphql-jit\'s customJSONSerializer must stay off');
  };
  load.cache[serializerPath] = standIn;
}

export const { compileQuery, isCompiledQuery } = load('graphql-jit') as typeof GraphqlJit;
export type { CompiledQuery } from 'graphql-jit';
