/** The examples of docs/clients.md that dedicated tests run as they are (each is marked `not run` there, naming its test). */
import { readFileSync } from 'node:fs';
import { readBlocks, type Block } from './docs-examples/markdown.js';

const FILE = 'docs/clients.md';

/** The one ````lang` block of docs/clients.md whose text contains `marker`. */
export function clientsDocBlock(lang: string, marker: string): Block {
  const blocks = readBlocks(FILE, readFileSync(new URL(`../${FILE}`, import.meta.url), 'utf8'));
  const found = blocks.filter((block) => block.lang === lang && block.text.includes(marker));
  if (found.length !== 1) throw new Error(`${FILE} has ${found.length} \`\`\`${lang} blocks containing ${marker}, not one`);
  return found[0]!;
}
