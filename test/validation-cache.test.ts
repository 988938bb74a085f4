/** Validation results kept per document and rule list (src/execution/validationCache.ts), in a Yoga of its own. */
import { GraphQLError, type ValidationRule } from 'graphql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useValidationCache } from '../src/execution/validationCache.js';

/** Refuses the field `secret`, as a plugin adding a rule for some requests only would. */
const NoSecret: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === 'secret') context.reportError(new GraphQLError('secret is refused', { nodes: node }));
  },
});

/** A Yoga whose validations are counted; requests with `x-strict` get the NoSecret rule before the cache looks. */
function countingYoga() {
  const counted = { validations: 0 };
  const strictRule: Plugin = {
    onValidate: ({ context, addValidationRule }) => {
      if ((context as { request: Request }).request.headers.get('x-strict')) addValidationRule(NoSecret);
    },
  };
  const counting: Plugin = {
    onValidate: ({ validateFn, setValidationFn }) => setValidationFn((...args) => (counted.validations++, validateFn(...args))),
  };
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { a: String, secret: String }', resolvers: { Query: { a: () => 'A', secret: () => 'S' } } }),
    parserAndValidationCache: { validationCache: false },
    plugins: [strictRule, useValidationCache(), counting],
  });
  const ask = async (query: string, strict = false) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(strict ? { 'x-strict': '1' } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  };
  return { counted, ask };
}

describe('the validation cache', () => {
  it('validates a document once, and answers a repeat with the same result', async () => {
    const { counted, ask } = countingYoga();
    expect(await ask('{ a }')).toEqual({ data: { a: 'A' } });
    expect(await ask('{ a }')).toEqual({ data: { a: 'A' } });
    expect(counted.validations).toBe(1);
  });

  it('answers an invalid document again with the errors found the first time, without validating it again', async () => {
    const { counted, ask } = countingYoga();
    const first = await ask('{ nope }');
    expect(first.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
    expect(await ask('{ nope }')).toEqual(first);
    expect(counted.validations).toBe(1);
  });

  it('validates again under a different rule list, and keeps the result of each', async () => {
    const { counted, ask } = countingYoga();
    expect((await ask('{ secret }', true)).errors?.[0]?.message).toBe('secret is refused');
    expect(await ask('{ secret }')).toEqual({ data: { secret: 'S' } });
    expect(counted.validations).toBe(2);
    expect((await ask('{ secret }', true)).errors?.[0]?.message).toBe('secret is refused');
    expect(await ask('{ secret }')).toEqual({ data: { secret: 'S' } });
    expect(counted.validations).toBe(2);
  });
});
