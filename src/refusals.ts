/**
 * HTTP refusals as GraphQL errors: every answer from /graphql is JSON with a stable code, even for
 * requests Yoga refuses before GraphQL starts.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

type RequestParser = NonNullable<Parameters<NonNullable<Plugin['onRequestParse']>>[0]['requestParser']>;

/** The bodiless refusals Yoga sends, and what we say instead. */
const EMPTY_REFUSALS: Record<number, { code: string; message: string }> = {
  406: { code: 'NOT_ACCEPTABLE', message: 'The Accept header allows no format this API answers in: accept application/json or application/graphql-response+json.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Content-Type: send application/json (or GET with a query string).' },
};

/**
 * Yoga's GET and form parsers call `JSON.parse` on `variables` and `extensions` unguarded, so bad JSON
 * there became a masked 500; it is the client's mistake, a 400 like bad JSON in a POST body.
 */
function guardParser(parser: RequestParser): RequestParser {
  return async (request) => {
    try {
      return await parser(request);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw new GraphQLError('The `variables` and `extensions` parameters must be JSON.', {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      });
    }
  };
}

/** The media types Yoga reads with its POST JSON parser, which answers bad JSON with its own 400. */
const JSON_BODIES = ['application/json', 'application/graphql+json'];

/**
 * Whether Yoga's POST JSON parser reads `request` (matched as Yoga matches it: the first of the listed types,
 * exactly or with parameters): that parser needs no guard, nor the promise a guard adds to every request.
 */
function postsJson(request: Request): boolean {
  if (request.method !== 'POST') return false;
  const type = request.headers.get('content-type')?.split(',')[0] ?? '';
  return JSON_BODIES.some((json) => type === json || type.startsWith(`${json};`));
}

/** Makes refusals on `endpoint` JSON: bad JSON parameters become 400s, bodiless 406/415s get an error body. */
export function useJsonRefusals(endpoint: string): Plugin {
  return {
    onRequestParse: ({ request, requestParser, setRequestParser }) => {
      if (requestParser && !postsJson(request)) setRequestParser(guardParser(requestParser));
    },
    onResponse: ({ request, response, setResponse, fetchAPI }) => {
      const refusal = EMPTY_REFUSALS[response.status];
      if (!refusal || response.body !== null || new URL(request.url).pathname !== endpoint) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
      setResponse(new fetchAPI.Response(body, { status: response.status, headers }));
    },
  };
}
