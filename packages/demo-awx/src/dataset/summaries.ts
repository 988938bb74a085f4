import { CREDENTIALS, INVENTORIES, LABEL_NAMES, ORGS, PEOPLE } from './people.js';
import { template } from './catalog.js';

/** The `summary_fields` fragments AWX repeats across resources, built from the demo catalog. */
type Summary = Record<string, unknown>;

/** `{id, username, first_name, last_name}`: how AWX summarizes created_by / modified_by. */
export function userSummary(userId: number): Summary {
  const p = PEOPLE.find((candidate) => candidate.id === userId);
  if (!p) throw new Error(`demo catalog has no user ${userId}`);
  return { id: p.id, username: p.username, first_name: p.firstName, last_name: p.lastName };
}

/** `{id, name, description}` of an organization. */
export function orgSummary(orgId: number): Summary {
  const org = ORGS.find((candidate) => candidate.id === orgId);
  if (!org) throw new Error(`demo catalog has no organization ${orgId}`);
  return { id: org.id, name: org.name, description: org.description };
}

/** The full inventory summary of §3 (host and source counters included). */
export function inventorySummary(inventoryId: number): Summary {
  const inv = INVENTORIES.find((candidate) => candidate.id === inventoryId);
  if (!inv) throw new Error(`demo catalog has no inventory ${inventoryId}`);
  return {
    id: inv.id,
    name: inv.name,
    description: '',
    has_active_failures: inv.failedHosts > 0,
    total_hosts: inv.hosts,
    hosts_with_active_failures: inv.failedHosts,
    total_groups: inv.groups,
    has_inventory_sources: inv.sources > 0,
    total_inventory_sources: inv.sources,
    inventory_sources_with_failures: inv.failedSources,
    organization_id: inv.org,
    kind: inv.kind,
  };
}

/** `{id, name, description}` of a template (the job_template / workflow_job_template summary). */
export function templateSummary(templateId: number): Summary {
  const def = template(templateId);
  return { id: def.id, name: def.name, description: def.description };
}

/** The unified_job_template summary, which also names the kind of job it spawns. */
export function unifiedTemplateSummary(templateId: number): Summary {
  return { ...templateSummary(templateId), unified_job_type: template(templateId).kind };
}

/** The webhook_credential summary. */
export function credentialSummary(credentialId: number): Summary {
  const cred = CREDENTIALS.find((candidate) => candidate.id === credentialId);
  if (!cred) throw new Error(`demo catalog has no credential ${credentialId}`);
  return {
    id: cred.id,
    name: cred.name,
    description: '',
    kind: cred.kind,
    cloud: false,
    credential_type_id: cred.typeId,
  };
}

/** Every demo label as `{id, name, organization}`, ids in (organization, name) order like AWX's Meta.ordering. */
export const LABELS: readonly { id: number; name: string; organization: number }[] = Object.entries(LABEL_NAMES)
  .flatMap(([org, names]) => names.map((name) => ({ name, organization: Number(org) })))
  .map((label, index) => ({ id: index + 1, ...label }));

/** `{count, results}`: at most 10 labels while `count` is the full total (LabelsListMixin). */
export function labelsSummary(labelIds: readonly number[]): Summary {
  const results = labelIds.slice(0, 10).map((id) => {
    const label = LABELS.find((candidate) => candidate.id === id);
    return { id, name: label?.name ?? `label ${id}` };
  });
  return { count: labelIds.length, results };
}
