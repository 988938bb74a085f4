/**
 * The one table of AWX kinds (src/awx/kinds.ts) against everything derived from it or written by hand
 * beside it: codegen.yml's mappers, the SDL (types, interfaces, entity keys, `Node`, root fields) and the resolvers.
 */
import { readFileSync } from 'node:fs';
import { isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { KINDS, kindOfResource, kindOfType, rootFieldOf, templateLaunching } from '../src/awx/kinds.js';
import { CACHED_RESOURCES } from '../src/cache/keys.js';
import { resolvers } from '../src/resolvers/index.js';
import { buildSchema, loadTypeDefs } from '../src/schema.js';

const codegen = parseYaml(readFileSync(new URL('../codegen.yml', import.meta.url), 'utf8'));
const mappers: Record<string, string> = codegen.generates['src/__generated__/resolvers-types.ts'].config.mappers;
const schema = buildSchema();
const sdl = loadTypeDefs();

describe('the table of AWX kinds', () => {
  it('names each GraphQL type, AWX type and collection once', () => {
    for (const key of ['graphqlType', 'type', 'resource'] as const) {
      expect(new Set(KINDS.map((kind) => kind[key])).size).toBe(KINDS.length);
    }
  });

  it.each(KINDS.map((kind) => [kind.graphqlType, kind] as const))('%s: codegen maps it, the SDL declares it, a resolver serves it', (name, kind) => {
    expect(mappers[name]).toBe(kind.mapper);
    const type = schema.getType(name);
    expect(isObjectType(type)).toBe(true);
    expect(resolvers[name]).toBeDefined();
    expect(resolvers[name]).toHaveProperty('__resolveReference');
    const definition = sdl.definitions.find((node) => 'name' in node && node.name?.value === name && node.kind === 'ObjectTypeDefinition');
    expect(JSON.stringify(definition), 'an entity with @key(fields: "id")').toContain('"value":"key"');
    const root = schema.getQueryType()!.getFields()[rootFieldOf(kind)];
    expect(root?.type.toString()).toBe(name);
    const iface = kind.family === 'job' ? 'UnifiedJob' : kind.family === 'template' ? 'UnifiedJobTemplate' : undefined;
    const interfaces = isObjectType(type) ? type.getInterfaces().map((i) => i.name) : [];
    expect(interfaces).toEqual(iface ? [iface, 'Node'] : ['Node']);
    expect(resolvers[name]).toHaveProperty('globalId');
  });

  it('makes every kind, and only they, a Node', () => {
    const node = schema.getType('Node');
    expect(isInterfaceType(node)).toBe(true);
    expect(schema.getPossibleTypes(node as never).map((t) => t.name).sort()).toEqual(KINDS.map((kind) => kind.graphqlType).sort());
  });

  it('covers every implementation of the two interfaces', () => {
    for (const [iface, family] of [['UnifiedJob', 'job'], ['UnifiedJobTemplate', 'template']] as const) {
      const type = schema.getType(iface);
      expect(isInterfaceType(type)).toBe(true);
      const implementations = schema.getPossibleTypes(type as never).map((t) => t.name).sort();
      expect(implementations).toEqual(KINDS.filter((kind) => kind.family === family).map((kind) => kind.graphqlType).sort());
    }
  });

  it('finds kinds by AWX type, by collection, and the template launching a job type', () => {
    expect(kindOfType('project_update', 'job')?.graphqlType).toBe('ProjectUpdate');
    expect(kindOfType('project_update', 'template')).toBeUndefined();
    expect(kindOfResource('inventory_sources')?.type).toBe('inventory_source');
    expect(templateLaunching('workflow_approval')?.resource).toBe('workflow_approval_templates');
    expect(CACHED_RESOURCES).toEqual([...KINDS.filter((kind) => kind.family === 'job').map((kind) => kind.resource), 'workflow_job_detail', 'nodes_of_workflow_job']);
  });
});
