/**
 * GraphiQL runs `workflowJobUpdated` against a demo upstream whose jobs move (as with `npm start`): the
 * result pane follows a freshly launched job through its statuses to SUCCESSFUL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXECUTE_BUTTON, modelText, normalize, OUT, RESULT_WINDOW, setModelText, startBrowserHarness, withPage, type BrowserHarness } from './browser.js';

const STATUS = /"status": "([A-Z]+)"/;

describe('GraphiQL subscriptions in Chromium', () => {
  let harness: BrowserHarness | undefined;

  // Every unfinished demo job moves a step each 500 ms, as `npm start` moves them every 2 s.
  beforeAll(async () => {
    harness = await startBrowserHarness({ demo: { motion: { stepMs: 500 } } });
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

      // Sample the pane while the job moves: several statuses pass through it, and it ends on SUCCESSFUL.
      const seen: string[] = [];
      const result = page.locator(RESULT_WINDOW);
      const sample = async () => {
        const status = STATUS.exec(normalize(await result.innerText()))?.[1];
        if (status && status !== seen.at(-1)) seen.push(status);
        return seen.at(-1);
      };
      await expect.poll(sample, { timeout: 40_000, interval: 100 }).toBe('SUCCESSFUL');
      expect(seen.length).toBeGreaterThanOrEqual(2);
      expect(normalize(await result.innerText())).toContain(`"id": "${id}"`);
      await page.screenshot({ path: `${OUT}graphiql-subscription.png` });
    });
  }, 60_000);
});
