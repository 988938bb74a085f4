/**
 * GraphiQL in a real browser: Debian's Chromium, driven by playwright-core, opens the gateway's /graphql,
 * runs the default query against the demo upstream and opens the docs pane.
 * Screenshots go to test-output/ (gitignored); docs/graphiql.png is a copy of test-output/graphiql.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../src/example-query.js';
import { DOCS_BUTTON, DOCS_PANE, EXECUTE_BUTTON, modelText, normalize, OUT, RESULT_WINDOW, startBrowserHarness, withPage, type BrowserHarness } from './browser.js';
import type { TestGateway } from './gateway.js';

describe('GraphiQL in Chromium', () => {
  let harness: BrowserHarness | undefined;
  let gw: TestGateway;
  let jobName: string;
  let queryDescription: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    gw = harness.gw;

    const job = await gw.gql('{ workflowJob(id: 1) { name } }');
    expect(job.body.errors, `the gateway failed before GraphiQL was opened; its log:\n${gw.logs.join('')}`).toBeUndefined();
    jobName = job.body.data?.workflowJob?.name;
    expect(typeof jobName).toBe('string');

    // The docs pane renders the SDL description as markdown: compare its first sentence, without code marks.
    const schema = await gw.gql('{ __schema { queryType { description } } }');
    const description: string = schema.body.data?.__schema?.queryType?.description ?? '';
    queryDescription = normalize(description.replace(/`/g, '')).split(/(?<=\.)\s/)[0] ?? '';
    expect(queryDescription.length).toBeGreaterThan(10);
  }, 20_000);

  afterAll(() => harness?.close(), 15_000);

  it('runs the default query and shows the docs from our SDL', async () => {
    // A fresh context: no stored GraphiQL tabs, so the page opens with the default query.
    await withPage(harness!.browser, 'graphiql', async (page) => {
      // No Authorization header: the gateway's awxToken makes this the demo admin, as with `npm start`.
      const response = await page.goto(gw.url, { waitUntil: 'domcontentloaded' });
      expect(response?.status()).toBe(200);

      // Rendered (not the "Loading…" shell) and the operation editor holds the default query.
      await page.locator(EXECUTE_BUTTON).waitFor({ state: 'visible' });
      await expect.poll(() => modelText(page, 'operation.graphql'), { timeout: 15_000 }).toBe(EXAMPLE_QUERY);
      await page.getByText('query WorkflowJobWithGraph').first().waitFor({ state: 'visible' });

      await page.locator(EXECUTE_BUTTON).click();
      const result = page.locator(RESULT_WINDOW);
      await expect.poll(async () => normalize(await result.innerText()), { timeout: 15_000 }).toContain(`"name": "${jobName}"`);

      const visible = normalize(await result.innerText());
      expect(visible).toContain('"workflowJob"');
      expect(visible).toContain('"status"');
      expect(visible).not.toContain('"errors"');
      // The whole response (Monaco only renders the visible lines), when GraphiQL's Monaco is reachable.
      const full = await modelText(page, 'response.json');
      if (full !== null) {
        const body = JSON.parse(full);
        expect(body.errors).toBeUndefined();
        expect(body.data.workflowJob).toMatchObject({ name: jobName, status: expect.any(String) });
        expect(body.data.workflowJob.related.workflowNodes.nodes.length).toBeGreaterThan(0);
      }
      await page.screenshot({ path: `${OUT}graphiql.png` });

      // Docs pane: open it, go to Query, and find its description from our SDL.
      await page.locator(DOCS_BUTTON).click();
      const docs = page.locator(DOCS_PANE);
      await docs.getByText('Root Types').waitFor({ state: 'visible' });
      await docs.locator('a', { hasText: /^Query$/ }).first().click();
      await expect.poll(async () => normalize(await docs.innerText()), { timeout: 10_000 }).toContain(queryDescription);
      await expect(docs.getByText(queryDescription.slice(0, 40)).first().isVisible()).resolves.toBe(true);
      await page.screenshot({ path: `${OUT}graphiql-docs.png` });

    });
  }, 40_000);
});
