import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds. Node, and so the externalised Yoga, loads the CJS
    // one while Vite would give our sources the ESM one: two GraphQLError classes, and `instanceof` checks
    // in Yoga's error masking fail. Point both at the build Node uses, as in production.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
