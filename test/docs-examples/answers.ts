/**
 * Comparing what an example answers with what the docs show. Everything must match, except what the demo
 * cannot repeat from one run to the next:
 * - an id (a key `id` or ending in `Id`) of an object created while the file's examples ran (a launched or
 *   relaunched job): the shown id is bound to the real one, and later examples of the file have the shown
 *   id replaced by the real one, so `workflowJobUpdated(id: 959)` follows the job the launch example made;
 * - a timestamp the demo stamped while the examples ran (later than the demo's clock when they started);
 * - in a ```text answer, `…` stands for what the docs leave out: a line of its own for any lines, inside a
 *   line for any text in it.
 */

/** An answer as the docs show it: a ```json or ```text block, or a `# {…}` line under a command. */
export interface Shown {
  lang: string;
  text: string;
  line: number;
}

/** The part of the demo AWX the comparison reads: its clock and its objects. */
export interface DemoState {
  data: { clock: string; collections: Record<string, readonly { id: number }[]> };
}

const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/;
const DATETIME_ONLY = new RegExp(`^${DATETIME.source}$`);

/** What may differ between the docs and a run over one file's examples, and what was bound so far. */
export class Variance {
  private readonly initial = new Map<string, Set<number>>();
  private readonly startClock: number;
  /** Shown id → real id. */
  readonly bindings = new Map<string, string>();

  constructor(private readonly demo: DemoState) {
    for (const [name, records] of Object.entries(demo.data.collections)) this.initial.set(name, new Set(records.map((r) => r.id)));
    this.startClock = Date.parse(demo.data.clock);
  }

  /** Whether an object with this id was created while the examples ran (in any collection). */
  created(id: number, collection?: string): boolean {
    return Object.entries(this.demo.data.collections).some(([name, records]) =>
      (collection === undefined || name === collection) && !this.initial.get(name)?.has(id) && records.some((r) => r.id === id));
  }

  /** Whether a timestamp was stamped by the demo while the examples ran. */
  stamped(value: string): boolean {
    const at = Date.parse(value);
    return at > this.startClock && at <= Date.parse(this.demo.data.clock);
  }

  /** `text` with every bound id replaced by the real one. */
  apply(text: string): string {
    let result = text;
    for (const [shown, real] of this.bindings) result = result.replace(new RegExp(`\\b${shown}\\b`, 'g'), real);
    return result;
  }
}

/** The differences between a shown JSON answer and the real one, by path; empty when they match. */
export function compareJson(shown: unknown, real: unknown, variance: Variance, path = '$'): string[] {
  if (Array.isArray(shown) && Array.isArray(real)) {
    if (shown.length !== real.length) return [`${path}: shows ${shown.length} items, got ${real.length}: ${JSON.stringify(real)}`];
    return shown.flatMap((item, i) => compareJson(item, real[i], variance, `${path}[${i}]`));
  }
  if (isObject(shown) && isObject(real)) {
    const keys = new Set([...Object.keys(shown), ...Object.keys(real)]);
    return [...keys].flatMap((key) => (key in shown && key in real
      ? compareJson(shown[key], real[key], variance, `${path}.${key}`)
      : [`${path}.${key}: ${key in shown ? 'shown but not answered' : `answered but not shown (${JSON.stringify(real[key])})`}`]));
  }
  if (shown === real) return [];
  const key = path.slice(path.lastIndexOf('.') + 1);
  if ((key === 'id' || key.endsWith('Id')) && /^\d+$/.test(String(real)) && variance.created(Number(real))) {
    const bound = variance.bindings.get(String(shown));
    if (bound === undefined || bound === String(real)) {
      variance.bindings.set(String(shown), String(real));
      return [];
    }
  }
  if (typeof shown === 'string' && typeof real === 'string' && DATETIME_ONLY.test(shown) && DATETIME_ONLY.test(real) && variance.stamped(real)) return [];
  return [`${path}: shows ${JSON.stringify(shown)}, got ${JSON.stringify(real)}`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text as compared: no SSE keep-alive lines (`:`), no trailing spaces, one blank line at most between lines. */
export function normalizeText(text: string): string {
  return text.split('\n').filter((line) => line !== ':').map((line) => line.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Why a shown ```text answer does not match the real text, or undefined when it does (see the rules above). */
export function compareText(shown: string, real: string, variance: Variance): string | undefined {
  const times: string[] = [];
  const shownLines = normalizeText(shown).split('\n');
  // Blank lines beside a `…` line belong to what it leaves out (which may be nothing).
  const kept = shownLines.filter((line, i) => line !== '' || (shownLines[i - 1]?.trim() !== '…' && shownLines[i + 1]?.trim() !== '…'));
  const lines = kept.map((line) => {
    if (line.trim() === '…') return '\u0000';
    return line.split(new RegExp(`(${DATETIME.source})`)).map((part, i) => {
      if (i % 2 === 0) return escape(part).replace(/…/g, '[^\\n]*?');
      times.push(part);
      return `(${DATETIME.source})`;
    }).join('');
  });
  const pattern = lines.join('\n')
    .replace(/^\u0000\n/, '(?:[^\\n]*\\n)*?').replace(/\n\u0000$/, '(?:\\n[^\\n]*)*?').replace(/\n\u0000\n/g, '\n(?:[^\\n]*\\n)*?');
  const text = normalizeText(real);
  const match = new RegExp(`^${pattern}$`).exec(text);
  if (!match) return `the answer does not match what is shown; it is:\n${text}`;
  const wrong = times.findIndex((time, i) => match[i + 1] !== time && !variance.stamped(match[i + 1]!));
  return wrong < 0 ? undefined : `shows the time ${times[wrong]}, got ${match[wrong + 1]}`;
}

/** Compares a JSON answer with the one shown; with none shown, it must be a success without GraphQL errors. */
export function checkAnswer(text: string, response: { ok: boolean }, shown: Shown | undefined, variance: Variance): void {
  if (shown?.lang === 'text') return textAnswer(shown, text, variance);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new Error(`answered with text that is not JSON: ${text.slice(0, 200)}`);
  }
  if (!shown) {
    if ((body as { errors?: unknown } | undefined)?.errors || (!response.ok && text)) throw new Error(`answered with errors (show them after the example if they are the point): ${text}`);
    return;
  }
  const differences = compareJson(JSON.parse(variance.apply(shown.text)), body, variance);
  if (differences.length > 0) throw new Error(`the answer shown at line ${shown.line} differs:\n${differences.join('\n')}`);
}

/** Compares a text answer (an SSE stream, a program's output) with the ```text block shown. */
export function textAnswer(shown: Pick<Shown, 'text' | 'line'>, text: string, variance: Variance): void {
  const why = compareText(variance.apply(shown.text), text, variance);
  if (why) throw new Error(`the answer shown at line ${shown.line} differs: ${why}`);
}
