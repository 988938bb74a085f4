/** `workflowJobs`' and `workflowJob`'s client input as an AWX query, checked before anything reaches AWX. */
import type { WorkflowJobFilter } from '../__generated__/resolvers-types.js';
import type { WorkflowJobQuery } from '../awx/workflowJobs.js';
import { badInput, quote } from '../errors.js';
import { parseIds } from './helpers.js';

const MAX_TEXT_LENGTH = 512;

/** Free-text search terms; blank means no search. AWX refuses NUL characters (DRF's CharField), so they are refused here first. */
export function searchTerms(search: string | null | undefined): string | undefined {
  if (search === null || search === undefined || search.trim() === '') return undefined;
  checkLength(search, 'search');
  if (search.includes('\0')) throw badInput("'search' must not contain NUL characters.", { argument: 'search' });
  return search;
}

function nonEmpty<T>(values: readonly T[] | null | undefined, argument: string): readonly T[] | undefined {
  if (values === null || values === undefined) return undefined;
  if (values.length === 0) throw badInput(`'${argument}' must list at least one value.`, { argument });
  return values;
}

function checkLength(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length > MAX_TEXT_LENGTH) {
    throw badInput(`'${argument}' must be at most ${MAX_TEXT_LENGTH} characters, got ${value.length}.`, { argument });
  }
  return value;
}

/** Names for an `__in` lookup: AWX splits its value on commas, so a name holding one could not be asked for. */
function names(values: readonly string[] | null | undefined, argument: string): readonly string[] | undefined {
  const list = nonEmpty(values, argument);
  for (const value of list ?? []) {
    checkLength(value, argument);
    if (value === '' || value.includes(',')) {
      throw badInput(`'${argument}' values must be non-empty and hold no comma (AWX splits \`__in\` values on commas), got ${quote(value)}.`, { argument });
    }
  }
  return list;
}

const ids = (values: readonly (string | number)[] | null | undefined, argument: string) => (values ? parseIds(values, argument) : undefined);

/** The GraphQL filter as an AWX query; every value is checked here or typed by the schema. */
export function workflowJobQuery(search: string | undefined, filter: WorkflowJobFilter | null | undefined): WorkflowJobQuery {
  const f = filter ?? {};
  return {
    search,
    statuses: nonEmpty(f.status, 'filter.status'),
    launchTypes: nonEmpty(f.launchType, 'filter.launchType'),
    failed: f.failed ?? undefined,
    name: checkLength(f.name, 'filter.name'),
    nameContains: checkLength(f.nameContains, 'filter.nameContains'),
    ids: ids(f.id, 'filter.id'),
    templateIds: ids(f.workflowJobTemplateId, 'filter.workflowJobTemplateId'),
    unifiedJobTemplateIds: ids(f.unifiedJobTemplateId, 'filter.unifiedJobTemplateId'),
    labelIds: ids(f.labelId, 'filter.labelId'),
    labelNames: names(f.labelName, 'filter.labelName'),
    organizationIds: ids(f.organizationId, 'filter.organizationId'),
    createdByIds: ids(f.createdById, 'filter.createdById'),
    createdByUsernames: names(f.createdByUsername, 'filter.createdByUsername'),
    scheduleIds: ids(f.scheduleId, 'filter.scheduleId'),
    isSlicedJob: f.isSlicedJob ?? undefined,
    notStatuses: nonEmpty(f.not?.status, 'filter.not.status'),
    notLaunchTypes: nonEmpty(f.not?.launchType, 'filter.not.launchType'),
    createdAfter: f.createdAfter ?? undefined,
    createdBefore: f.createdBefore ?? undefined,
    startedAfter: f.startedAfter ?? undefined,
    startedBefore: f.startedBefore ?? undefined,
    finishedAfter: f.finishedAfter ?? undefined,
    finishedBefore: f.finishedBefore ?? undefined,
  };
}
