/**
 * Validation results kept per schema and parsed document, in place of Yoga's own cache. Yoga's keyed each look-up
 * by the names of every validation rule joined into one string (envelop hands each request a fresh copy of the
 * rule list) and looked that string up in a cache with an expiry, whose clock set a timer on most look-ups: about
 * 2% of the CPU of a one-job query (bench/RESULTS.md). Here a look-up compares the rules one by one with those
 * the result was found under, and allocates nothing. Parsed documents are the same object for the same text
 * (Yoga's parse cache, src/execution/documentCache.ts), so a document forgotten there takes its results with it.
 */
import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The result of validating one document, and the rules it was validated with. */
interface Validated {
  rules: readonly ValidationRule[];
  errors: readonly Error[];
}

const sameRules = (a: readonly ValidationRule[], b: readonly ValidationRule[]) => a.length === b.length && a.every((rule, i) => rule === b[i]);

/** Rule lists kept per document: a plugin may add a rule for some requests only; the oldest list goes first. */
const LISTS_KEPT = 4;

/**
 * Answers a document validated before, against the same schema and rules, with the errors found then (none for
 * a valid one). Rules added by plugins after this one are the same on every request, as they come from
 * configuration (INTROSPECTION=false), so they need not be compared.
 */
export function useValidationCache(): Plugin {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Validated[]>>();
  return {
    onValidate({ params: { schema, documentAST, rules = [] }, setResult }) {
      let byDocument = bySchema.get(schema);
      if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
      let kept = byDocument.get(documentAST);
      if (!kept) byDocument.set(documentAST, (kept = []));
      const known = kept.find((entry) => sameRules(entry.rules, rules));
      if (known) {
        setResult(known.errors);
        return;
      }
      const asked = [...rules];
      return ({ result }) => {
        if (kept.length === LISTS_KEPT) kept.shift();
        kept.push({ rules: asked, errors: result });
      };
    },
  };
}
