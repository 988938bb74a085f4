/** The fenced blocks of a Markdown file, with the markers written before them and the answers shown after them. */

/** A marker: an HTML comment on the lines right before a block, saying how (or why not) to run it. */
export type Marker =
  | { kind: 'not run'; reason: string }
  | { kind: 'variables'; variables: Record<string, unknown> }
  /** How many requests the example costs AWX, when the docs say so. */
  | { kind: 'awx requests'; count: number };

/** One fenced block. `line` is the line of its opening fence (1-based); `text` is its content. */
export interface Block {
  file: string;
  line: number;
  lang: string;
  text: string;
  markers: Marker[];
  /** The ```json or ```text block that directly follows this one (only blank lines between): its answer. */
  answer?: Block;
  /** Set on a block that is another block's answer. */
  answers?: Block;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;
const MARKER = /^\s*<!--\s*(not run|variables|awx requests):\s*([\s\S]*?)\s*-->\s*$/;

/** Reads a marker comment; throws when its content is not usable (an empty reason, variables not a JSON object). */
function readMarker(kind: string, content: string, where: string): Marker {
  if (kind === 'not run') {
    if (!content) throw new Error(`${where}: "not run" needs a reason, e.g. <!-- not run: needs a real controller -->`);
    return { kind, reason: content };
  }
  if (kind === 'awx requests') {
    if (!/^\d+$/.test(content)) throw new Error(`${where}: "awx requests" needs a number, got ${content}`);
    return { kind, count: Number(content) };
  }
  let variables: unknown;
  try {
    variables = JSON.parse(content);
  } catch {
    throw new Error(`${where}: the variables marker must hold a JSON object, got ${content}`);
  }
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) throw new Error(`${where}: variables must be a JSON object`);
  return { kind: 'variables', variables: variables as Record<string, unknown> };
}

/**
 * Every fenced block of `markdown`, in order. Markers must stand on the lines right before a block (blank
 * lines may separate them); a marker followed by anything else is an error, so none is left behind stale.
 */
export function readBlocks(file: string, markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let pending: Marker[] = [];
  let previous: { block: Block; end: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = MARKER.exec(line);
    if (marker) {
      pending.push(readMarker(marker[1]!, marker[2]!, `${file}:${i + 1}`));
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      if (line.trim() !== '' && pending.length > 0) throw new Error(`${file}:${i + 1}: a marker must stand right before a fenced block`);
      continue;
    }
    const [, indent, chars] = fence;
    const start = i;
    const content: string[] = [];
    for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(chars!); i++) content.push(lines[i]!.slice(indent!.length));
    const block: Block = { file, line: start + 1, lang: fence[3] ?? '', text: content.join('\n'), markers: pending };
    pending = [];
    const gap = previous ? lines.slice(previous.end + 1, start) : [];
    if (previous && gap.every((l) => l.trim() === '') && ['json', 'text'].includes(block.lang) && block.markers.length === 0 && !previous.block.answers) {
      previous.block.answer = block;
      block.answers = previous.block;
    }
    blocks.push(block);
    previous = { block, end: i };
  }
  if (pending.length > 0) throw new Error(`${file}: a marker at the end is before no block`);
  return blocks;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; repeats get `-1`, `-2`, … */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = !inFence && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The relative links of `markdown` (`[text](target)`, images included), outside code, with their lines. */
export function relativeLinks(markdown: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  let inFence = false;
  markdown.split('\n').forEach((line, index) => {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) return;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1]!;
      if (!/^[a-z]+:/i.test(target)) links.push({ line: index + 1, target });
    }
  });
  return links;
}
