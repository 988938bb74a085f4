/**
 * `?search=` terms as AWX's DRF (3.15, `rest_framework/filters.py` SearchFilter.get_search_terms and
 * search_smart_split) reads them: the last `search` value; a NUL character is a 400; Django's smart_split
 * splits on whitespace keeping quoted phrases whole (quotes removed, `\"` unescaped); unquoted words are
 * split again on commas.
 */
import { ApiError } from './errors.js';

// django/utils/text.py smart_split_re: a run of quoted strings with their unquoted neighbours, or any non-space run.
const SMART_SPLIT = /(?:[^\s'"]*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[^\s'"]*)+)|\S+/g;

/** The search terms of a query string: none when `search` is absent or blank. */
export function searchTermsOf(query: URLSearchParams): string[] {
  const raw = query.getAll('search').at(-1) ?? '';
  // CharField's ProhibitNullCharactersValidator; DRF answers a ValidationError's list as the body.
  if (raw.includes('\0')) throw new ApiError(400, ['Null characters are not allowed.']);
  const terms: string[] = [];
  for (const bit of raw.match(SMART_SPLIT) ?? []) {
    const term = bit.replace(/^,+|,+$/g, '');
    const quote = term[0];
    if ((quote === '"' || quote === "'") && term.at(-1) === quote) {
      terms.push(term.slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\'));
      continue;
    }
    for (const part of term.split(',')) if (part) terms.push(part.trim());
  }
  return terms;
}
