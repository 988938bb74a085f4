/**
 * GraphiQL runs `workflowJobUpdated` against the demo upstream: the result pane follows a freshly launched job
 * through its statuses to SUCCESSFUL. The test moves the job a step at a time, each once the pane shows the
 * last one, so a busy machine slows the test down but cannot make the pane miss a status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXECUTE_BUTTON, modelText, normalize, OUT, RESULT_WINDOW, setModelText, startBrowserHarness, withPage, type BrowserHarness } from './browser.js';

const STATUS = /"status": "([A-Z]+)"/;

describe('GraphiQL subscriptions in Chromium', () => {
  let harness: BrowserHarness | undefined;

  // Jobs move only when the test says (`npm start` moves them every 2 s).
  beforeAll(async () => {
    harness = await startBrowserHarness();
  }, 20_000);
  afterAll(() => harness?.close(), 15_000);

  it('follows a launched job to SUCCESSFUL in the result pane', async () => {
    await withPage(harness!.browser, 'graphiql-subscription', async (page) => {
      await page.goto(harness!.gw.url, { waitUntil: 'domcontentloaded' });
      await page.locator(EXECUTE_BUTTON).waitFor({ state: 'visible' });
      await expect.poll(() => modelText(page, 'operation.graphql'), { timeout: 15_000 }).not.toBeNull();
      // Launched only now that GraphiQL is ready, so the pane can see the job move from its first steps.
      const launched = await harness!.gw.gql('mutation { launchWorkflowJobTemplate(id: 26) { workflowJob { id status } } }');
      expect(launched.body.errors).toBeUndefined();
      const id: string = launched.body.data?.launchWorkflowJobTemplate.workflowJob.id;
      const subscription = `subscription FollowLaunched { workflowJobUpdated(id: ${id}) { id status } }`;
      expect(await setModelText(page, 'operation.graphql', subscription)).toBe(true);
      // GraphiQL re-reads the editor after a pause: until its tab shows the new operation's name, Run would send
      // the old operation name with the new text ("Cannot infer operation"), as a busy machine showed.
      await expect.poll(() => page.locator('.graphiql-tab').first().innerText(), { timeout: 15_000 }).toContain('FollowLaunched');
      await page.locator(EXECUTE_BUTTON).click();

      // The pane shows the job as launched; then each step the job takes shows there before the next one.
      const seen: string[] = [];
      const result = page.locator(RESULT_WINDOW);
      const shown = async () => {
        const status = STATUS.exec(normalize(await result.innerText()))?.[1];
        if (status && status !== seen.at(-1)) seen.push(status);
        return seen.at(-1);
      };
      await expect.poll(shown, { timeout: 30_000, interval: 100 }).toBeDefined();
      for (let step = 0; seen.at(-1) !== 'SUCCESSFUL' && step < 40; step++) {
        const status = harness!.gw.demo.advanceJob(Number(id), { outcome: 'successful' }).toUpperCase();
        await expect.poll(shown, { timeout: 30_000, interval: 100 }).toBe(status);
      }
      expect(seen).toEqual(expect.arrayContaining(['RUNNING', 'SUCCESSFUL']));
      expect(seen.length).toBeGreaterThanOrEqual(3);
      expect(normalize(await result.innerText())).toContain(`"id": "${id}"`);
      await page.screenshot({ path: `${OUT}graphiql-subscription.png` });
    });
  }, 240_000);
});
