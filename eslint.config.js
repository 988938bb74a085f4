/**
 * graphql-eslint over the client schema (schema.client.graphql): the schema rules graphql-eslint recommends and
 * its Relay rules, as a client's linter would read the schema. Run by test/client-schema.test.ts.
 */
import graphql from '@graphql-eslint/eslint-plugin';

export default [
  { ignores: ['dist/', 'coverage/', 'test-output/'] },
  {
    files: ['schema.client.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: 'schema.client.graphql' } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      ...graphql.configs['flat/schema-relay'].rules,
      // Identity is `globalId` on Node types; wrappers (connections, `related`, summaries) have none by design.
      '@graphql-eslint/strict-id-in-types': 'off',
      // AWX's own names, camelCased: `Job.jobType`, `User.username`.
      '@graphql-eslint/no-typename-prefix': 'off',
      // Every connection's items are Nodes; connections also offer the `nodes` shortcut beside `edges`.
      '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false }],
    },
  },
];
