/** The schema documents itself: GraphiQL's docs pane shows a description for everything a client can use. */
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, isUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../src/schema.js';

/** Types and fields Apollo Federation adds (`_service`, `_entities`, `link__*`, …) are documented by its spec. */
const federationOwned = (name: string) => /^(_|link__|federation__)/.test(name);

/** Every type, field, argument, input field and enum value of ours that lacks a description. */
function undocumented(): string[] {
  const missing: string[] = [];
  const need = (what: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(what);
  };
  for (const type of Object.values(buildSchema().getTypeMap())) {
    if (type.name.startsWith('__') || federationOwned(type.name) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (!['Query', 'Mutation', 'Subscription'].includes(type.name)) need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()).filter((f) => !federationOwned(f.name))) {
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

  it("deprecates LaunchType.SCM with AWX's own reason, and nothing else of the enum", () => {
    const launchType = buildSchema().getType('LaunchType');
    if (!isEnumType(launchType)) throw new Error('LaunchType is not an enum');
    const deprecated = launchType.getValues().filter((v) => v.deprecationReason).map((v) => [v.name, v.deprecationReason]);
    expect(deprecated).toEqual([['SCM', expect.stringContaining('"(deprecated) Job was created as an Inventory SCM sync."')]]);
    expect(deprecated[0]![1]).toContain('update_on_project_update');
  });
});
