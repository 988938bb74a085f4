/**
 * The caller's input, checked before execution, so that input a caller got wrong is the caller's error
 * (BAD_USER_INPUT), never the gateway's. Nesting first (MAX_INPUT_DEPTH: variables, `_entities` representations
 * and literal arguments alike): a JSON document thousands of levels deep parses, but graphql's input coercion
 * and the JSON written to AWX recurse over it and overflow the stack. Then the variables' types.
 */
import { getOperationAST, getVariableValues, GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The nesting of a JSON value (a scalar is 0, `[1]` and `{a:1}` are 1), counted without recursion up to `stopAt`. */
export function jsonDepth(value: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The nesting of a literal argument value in the query text (lists and input objects). */
function literalDepth(value: ValueNode, stopAt: number): number {
  let deepest = 0;
  const stack: [ValueNode, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    const children = current.kind === Kind.LIST ? current.values : current.kind === Kind.OBJECT ? current.fields.map((f) => f.value) : undefined;
    if (!children) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > stopAt) return deepest;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The deepest literal argument in a document's text, up to `stopAt`. */
function deepestLiteral(document: DocumentNode, stopAt: number): number {
  let deepest = 0;
  // graphql's visit walks with a stack of its own: no recursion either
  visit(document, {
    Argument(node) {
      deepest = Math.max(deepest, literalDepth(node.value, stopAt));
      return false;
    },
  });
  return deepest;
}

/** The deepest input of an operation: each variable's value and each literal argument (`literals`, when known). */
export function deepestInput(document: DocumentNode, variables: unknown, stopAt: number, literals = deepestLiteral(document, stopAt)): number {
  let deepest = literals;
  if (variables && typeof variables === 'object') {
    for (const value of Object.values(variables)) deepest = Math.max(deepest, jsonDepth(value, stopAt));
  }
  return deepest;
}

/** A caller's input error: BAD_USER_INPUT, HTTP 400 as graphql's own variable errors get from Yoga. */
function inputError(message: string, extensions: Record<string, unknown> = {}, locations?: GraphQLError['locations']): GraphQLError {
  const error = new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400 } } });
  return locations ? Object.assign(error, { locations }) : error;
}

/**
 * Checks an operation's input before it executes: nesting past `maxDepth` is refused first, then variables
 * are coerced as graphql would, so a value of the wrong type is BAD_USER_INPUT too (graphql gives it no code).
 */
export function useInputChecks(maxDepth: number): Plugin {
  type Check = Parameters<NonNullable<Plugin['onExecute']>>[0];
  // A document's text does not change: its literals are measured once (Yoga's parse cache reuses the document).
  const literals = new WeakMap<DocumentNode, number>();
  const literalDepthOf = (document: DocumentNode) => {
    let depth = literals.get(document);
    if (depth === undefined) literals.set(document, (depth = deepestLiteral(document, maxDepth)));
    return depth;
  };
  const check = ({ args, setResultAndStopExecution }: Pick<Check, 'args' | 'setResultAndStopExecution'>) => {
    if (deepestInput(args.document, args.variableValues, maxDepth, literalDepthOf(args.document)) > maxDepth) {
      const message = `Input nested more than ${maxDepth} levels deep (MAX_INPUT_DEPTH): send flatter variables or arguments.`;
      return setResultAndStopExecution({ errors: [inputError(message, { limit: maxDepth })] });
    }
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return; // none or ambiguous: graphql's own error follows
    const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {}, { maxErrors: 10 });
    if (coerced.errors) setResultAndStopExecution({ errors: coerced.errors.map((e) => inputError(e.message, {}, e.locations)) });
  };
  return { onExecute: check, onSubscribe: check };
}
