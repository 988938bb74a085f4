/** AWX resource names, the `type` strings that name them, and the API paths that point at them. */

import { FAMILY_LISTS, KINDS, kindOfResource, kindOfType, kindsOf, templateLaunching } from './kinds.js';

/** One AWX collection this gateway reads (a kind's `resource` in src/awx/kinds.ts). */
export type AwxResource = (typeof KINDS)[number]['resource'];

/** A view listing every kind of one family together (`unified_jobs`, `unified_job_templates`), read by id. */
export type AwxFamilyList = (typeof FAMILY_LISTS)[keyof typeof FAMILY_LISTS];

/** The collections of unified jobs (all kinds of job share one id space). */
export const JOB_RESOURCES = kindsOf('job').map((kind) => kind.resource);

/** Collections this gateway reads by id through `GET <api>/v2/<resource>/?id__in=…`. */
export const AWX_RESOURCES: readonly AwxResource[] = KINDS.map((kind) => kind.resource);

/** A pointer to one AWX object. */
export interface AwxRef {
  resource: AwxResource;
  id: number;
}

/** The collection of a unified job of this `type` (one id space is shared by all of them). */
export function jobResourceOfType(type: unknown): AwxResource | undefined {
  return kindOfType(type, 'job')?.resource;
}

/** The collection of a unified job template of this `type`. */
export function templateResourceOfType(type: unknown): AwxResource | undefined {
  return kindOfType(type, 'template')?.resource;
}

/** A template summary's `unified_job_type` (the kind of job it launches) → the template's own `type`. */
export function templateTypeOfJobType(jobType: unknown): string | undefined {
  return templateLaunching(jobType)?.type;
}

// AWX's `/api/v2/<resource>/<id>/`, or the same below an API prefix such as AAP's `/api/controller/v2/`.
const RESOURCE_PATH = /\/v2\/([a-z_]+)\/([1-9][0-9]{0,9})\/$/;

/** The object an AWX `related` URL points at (either API layout), if it is one of the collections this gateway reads. */
export function refFromUrl(url: unknown): AwxRef | null {
  if (typeof url !== 'string') return null;
  const match = RESOURCE_PATH.exec(url);
  if (!match) return null;
  const id = Number(match[2]);
  const kind = kindOfResource(match[1]!);
  return kind && id < 2 ** 31 ? { resource: kind.resource, id } : null;
}
