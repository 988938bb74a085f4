/** Driving GraphiQL in Debian's Chromium through playwright-core: where the browser is, and GraphiQL's stable hooks. */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_CREDENTIALS } from '@awx-graphql/demo-awx';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './gateway.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots go here (gitignored). */
export const OUT = fileURLToPath(new URL('../test-output/', import.meta.url));
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Stable hooks in the page GraphiQL renders (GraphiQL 5, bundled by @graphql-yoga/render-graphiql).
export const EXECUTE_BUTTON = 'button.graphiql-execute-button';
export const RESULT_WINDOW = '[aria-label="Result Window"]';
export const DOCS_BUTTON = 'button[aria-label="Show Documentation Explorer"]';
export const DOCS_PANE = '[aria-label="Documentation Explorer"]';

/** Editor text as rendered (Monaco may use non-breaking spaces), with whitespace collapsed. */
export const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The full text of one of GraphiQL's Monaco models (`operation.graphql`, `response.json`, …), if Monaco is reachable. */
export function modelText(page: Page, suffix: string): Promise<string | null> {
  return page.evaluate((suffix) => {
    const monaco = (window as any).__MONACO;
    const model = monaco?.editor?.getModels?.().find((m: any) => String(m.uri).endsWith(suffix));
    return model ? String(model.getValue()) : null;
  }, suffix);
}

/** Replaces the text of one of GraphiQL's Monaco models; false when Monaco is not reachable. */
export function setModelText(page: Page, suffix: string, text: string): Promise<boolean> {
  return page.evaluate(([suffix, text]) => {
    const monaco = (window as any).__MONACO;
    const model = monaco?.editor?.getModels?.().find((m: any) => String(m.uri).endsWith(suffix!));
    if (!model) return false;
    model.setValue(text);
    return true;
  }, [suffix, text] as const);
}

/** Launches Chromium, or explains how to get it (never `npx playwright install`: it downloads a browser). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. This test drives a real browser: install Debian's chromium ` +
        '(apt-get install -y --no-install-recommends chromium fonts-dejavu-core; .ci/run does this) ' +
        'or set CHROMIUM_PATH. Do not run `npx playwright install`.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 15_000 });
}

/**
 * Runs `use` on a page of a fresh browser context (no stored GraphiQL tabs, so the default query shows),
 * then checks the page threw nothing; on failure saves `<name>-failure.png` and prints the page's errors.
 */
export async function withPage(browser: Browser, name: string, use: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await use(page);
    if (pageErrors.length > 0) throw new Error(`the page threw:\n${pageErrors.join('\n')}`);
  } catch (error) {
    await page.screenshot({ path: `${OUT}${name}-failure.png` }).catch(() => {});
    if (pageErrors.length) console.error('GraphiQL page errors:\n' + pageErrors.join('\n'));
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
}

/** A gateway over the demo AWX, as `npm start` serves it, and Chromium to open its GraphiQL. */
export interface BrowserHarness {
  gw: TestGateway;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts the gateway (callers without credentials act as the demo admin, as with `npm start`) and
 * Chromium, and makes sure the screenshot folder exists.
 */
export async function startBrowserHarness(options: TestGatewayOptions = {}): Promise<BrowserHarness> {
  mkdirSync(OUT, { recursive: true });
  const gw = await startTestGateway({ awxToken: DEMO_CREDENTIALS.admin.token, ...options });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await gw.close();
    throw error;
  });
  return {
    gw,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await gw.close();
    },
  };
}
