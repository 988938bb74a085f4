/** The ```sh examples: curl commands against `npm start`'s gateway, and the answers shown after them as `# {…}` lines. */

/** One command of a block, as the shell would split it, with the JSON answers written under it. */
export interface ShellCommand {
  line: number;
  words: string[];
  /** `# {"data":…}` lines right after the command: what it answers. */
  outputs: { line: number; json: string }[];
}

/** An HTTP request to the gateway, read from a curl command. */
export interface CurlRequest {
  method: string;
  /** Path and query below the gateway's origin, e.g. `/graphql`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Thrown for a command this runner cannot run; the block must then be marked `<!-- not run: … -->`. */
export class CannotRun extends Error {}

/** Splits shell text into words: quotes, backslash-newline and comments as sh reads them; no expansions. */
export function splitWords(text: string, line: number): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let value = '';
      for (; text[j] !== '"'; j++) {
        if (text[j] === '$' || text[j] === '`') throw new CannotRun(`line ${line}: a shell expansion in "${text.slice(i, i + 40)}…"`);
        if (text[j] === '\\' && '"\\$`'.includes(text[j + 1]!)) j++;
        value += text[j];
      }
      word = (word ?? '') + value;
      i = j;
    } else if (c === '\\' && text[i + 1] === '\n') {
      i++;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      break;
    } else if ('$`;&|<>()'.includes(c)) {
      throw new CannotRun(`line ${line}: "${c}" (an expansion, list or redirection) in ${text.split('\n')[0]!.trim()}`);
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Whether `text` ends inside single or double quotes, or with a line continuation: the command goes on. */
function continues(text: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    if (quote) {
      if (text[i] === quote) quote = undefined;
      else if (quote === '"' && text[i] === '\\') i++;
    } else if (text[i] === "'" || text[i] === '"') quote = text[i];
    else if (text[i] === '#' && (i === 0 || /\s/.test(text[i - 1]!))) return false;
  }
  return quote !== undefined || text.endsWith('\\');
}

/** The commands of a ```sh block starting at `firstLine` (the fence's line). */
export function readShell(text: string, firstLine: number): ShellCommand[] {
  const lines = text.split('\n');
  const commands: ShellCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = firstLine + 1 + i;
    const trimmed = lines[i]!.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      const output = /^#\s*([{[].*)$/.exec(trimmed);
      const last = commands.at(-1);
      if (output && last) last.outputs.push({ line, json: output[1]! });
      continue;
    }
    let command = lines[i]!;
    while (continues(command) && i + 1 < lines.length) command += `\n${lines[++i]}`;
    commands.push({ line, words: splitWords(command, line), outputs: [] });
  }
  return commands;
}

const GATEWAY = /^(?:http:\/\/)?localhost:4000(\/[^\s]*)$/;

/** The request a curl command sends to `npm start`'s gateway; CannotRun for anything else. */
export function curlRequest(command: ShellCommand): CurlRequest {
  const [program, ...args] = command.words;
  if (program !== 'curl') throw new CannotRun(`line ${command.line}: \`${command.words.slice(0, 3).join(' ')}\` is not a curl command`);
  const request: CurlRequest = { method: '', path: '', headers: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (['-s', '-S', '-sS', '-N', '--silent', '--no-buffer'].includes(arg)) continue;
    if (arg === '-H' || arg === '--header') {
      const [name, ...value] = args[++i]!.split(':');
      request.headers[name!.trim().toLowerCase()] = value.join(':').trim();
    } else if (arg === '-d' || arg === '--data' || arg === '--data-raw') {
      request.body = args[++i];
    } else if (arg === '-X' || arg === '--request') {
      request.method = args[++i]!;
    } else if (GATEWAY.test(arg)) {
      request.path = GATEWAY.exec(arg)![1]!;
    } else {
      throw new CannotRun(`line ${command.line}: curl ${arg.startsWith('-') ? `option ${arg}` : `URL ${arg}, not npm start's localhost:4000,`} is not supported here`);
    }
  }
  if (!request.path) throw new CannotRun(`line ${command.line}: curl without a localhost:4000 URL`);
  request.method ||= request.body === undefined ? 'GET' : 'POST';
  return request;
}
