/** The schema documents itself: GraphiQL's docs pane shows a description for everything a client can use. */
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, isUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../src/schema.js';

/** Every type, field, argument, input field and enum value of ours that lacks a description. */
function undocumented(): string[] {
  const missing: string[] = [];
  const need = (what: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(what);
  };
  for (const type of Object.values(buildSchema().getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (!['Query', 'Mutation', 'Subscription'].includes(type.name)) need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        field.args.forEach((arg) => need(`${type.name}.${field.name}(${arg.name})`, arg.description));
      }
    }
    if (isInputObjectType(type)) Object.values(type.getFields()).forEach((f) => need(`${type.name}.${f.name}`, f.description));
    if (isEnumType(type)) type.getValues().forEach((v) => need(`${type.name}.${v.name}`, v.description));
    if (isUnionType(type)) need(type.name, type.description);
  }
  return missing;
}

describe('schema documentation', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undocumented()).toEqual([]);
  });
});
