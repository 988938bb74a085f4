import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Test files that run a second time with the demo AWX in the AAP layout (TEST_AWX_LAYOUT=aap). */
const AAP_LAYOUT_FILES = [
  'test/workflow-job.test.ts', 'test/jobs.test.ts', 'test/resources.test.ts', 'test/detail-fields.test.ts',
  'test/related.test.ts', 'test/related-lists.test.ts', 'test/pagination.test.ts', 'test/filters.test.ts', 'test/filters-dashboard.test.ts',
  'test/mutations.test.ts', 'test/mutations-guards.test.ts', 'test/mutations-cache.test.ts',
  'test/subscriptions.test.ts', 'test/keyset-walks.test.ts', 'test/access-edges.test.ts',
];

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds. Node, and so the externalised Yoga, loads the CJS
    // one while Vite would give our sources the ESM one: two GraphQLError classes, and `instanceof` checks
    // in Yoga's error masking fail. Point both at the build Node uses, as in production.
    alias: [
      { find: /^graphql$/, replacement: 'graphql/index.js' },
      // The demo AWX workspace package, from its sources (as `tsx --conditions=development` loads it).
      { find: /^@awx-graphql\/demo-awx$/, replacement: fileURLToPath(new URL('./packages/demo-awx/src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    // Generous guards, not waits: on a machine whose every core is busy (.ci/busy) a subscription test that
    // takes 2 s alone can take 20; each test waits on conditions and ends as soon as they hold.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The core, related, mutation and subscription tests again, against the demo AWX in Ansible Automation
        // Platform 2.5+'s layout (the controller below /api/controller/v2/; see packages/demo-awx/src/http/layout.ts).
        extends: true,
        test: {
          name: 'aap',
          include: AAP_LAYOUT_FILES,
          env: { TEST_AWX_LAYOUT: 'aap' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Apollo's federation subgraph compatibility suite (23 tests), run from its compiled jest-style
        // tests against our products fixture and a local Hive Gateway; see test/federation/compat.setup.ts.
        extends: true,
        test: {
          name: 'federation-compat',
          include: ['node_modules/@apollo/federation-subgraph-compatibility-tests/dist/tests/*.test.js'],
          exclude: [], // the default excludes node_modules, where the suite lives
          globals: true, // the tests use jest's global test/describe/expect
          globalSetup: ['test/federation/compat.setup.ts'],
          testTimeout: 15_000,
          // Starting two subgraph processes, composing and starting the gateway takes a few seconds.
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
