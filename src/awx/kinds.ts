/**
 * Every kind of AWX object this gateway reads, in one table: its GraphQL type, AWX's `type` string, the
 * collection it is read from, whether it is a unified job or a unified job template (each family shares
 * one id space in AWX), and whether the cross-request cache may hold it. Every other list of kinds — the
 * by-id root fields, `__resolveType`, cache namespaces, `related` URL parsing — is derived from it. Two are
 * typed per kind, so written out and checked against it by test/kinds.test.ts: codegen.yml's mappers (with
 * their TypeScript twin in src/awx/models/index.ts) and the federation entities in src/resolvers/index.ts.
 */

/** How a kind relates to AWX's polymorphic models. */
export type KindFamily = 'job' | 'template' | 'other';

/** One row of the table. */
export interface AwxKind {
  /** The GraphQL object type. */
  graphqlType: string;
  /** AWX's `type` string for it (`get_type_for_model`). */
  type: string;
  /** The collection below the versioned API: `/api/v2/<resource>/`. */
  resource: string;
  family: KindFamily;
  /** For a template: the `type` of the jobs it launches (a template summary's `unified_job_type`). */
  launches?: string;
  /** Finished objects of this kind never change, so the cross-request cache may hold them. */
  cached?: boolean;
  /** `Query.<lowerFirst(graphqlType)>(id:)` reads one by id through the batched loader (default true). */
  byIdRoot?: boolean;
  /** The TypeScript type of AWX's JSON for it, as codegen.yml maps the GraphQL type. */
  mapper: string;
}

// Builders keep each row's names as literal types, so `AwxResource` and the GraphQL type names stay unions.
function job<const G extends string, const T extends string, const R extends string>(graphqlType: G, type: T, resource: R, mapper: string) {
  return { graphqlType, type, resource, family: 'job' as const, cached: true as const, mapper: `../awx/models/jobs.js#${mapper}` };
}
function template<const G extends string, const T extends string, const R extends string>(graphqlType: G, type: T, resource: R, launches: string) {
  return { graphqlType, type, resource, family: 'template' as const, launches, mapper: `../awx/models/templates.js#Awx${graphqlType}` };
}
function other<const G extends string, const T extends string, const R extends string>(graphqlType: G, type: T, resource: R, module: string) {
  return { graphqlType, type, resource, family: 'other' as const, mapper: `../awx/${module}.js#Awx${graphqlType}` };
}

/** The table. Adding a kind is one row here, its SDL in schema/ and its resolver file. */
export const KINDS = [
  { ...job('WorkflowJob', 'workflow_job', 'workflow_jobs', 'AwxWorkflowJob'), mapper: '../awx/types.js#AwxWorkflowJob', byIdRoot: false },
  job('Job', 'job', 'jobs', 'AwxJob'),
  job('ProjectUpdate', 'project_update', 'project_updates', 'AwxProjectUpdate'),
  job('InventoryUpdate', 'inventory_update', 'inventory_updates', 'AwxInventoryUpdate'),
  job('WorkflowApproval', 'workflow_approval', 'workflow_approvals', 'AwxWorkflowApproval'),
  job('SystemJob', 'system_job', 'system_jobs', 'AwxSystemJob'),
  job('AdHocCommand', 'ad_hoc_command', 'ad_hoc_commands', 'AwxAdHocCommand'),
  template('WorkflowJobTemplate', 'workflow_job_template', 'workflow_job_templates', 'workflow_job'),
  template('JobTemplate', 'job_template', 'job_templates', 'job'),
  template('Project', 'project', 'projects', 'project_update'),
  template('InventorySource', 'inventory_source', 'inventory_sources', 'inventory_update'),
  template('WorkflowApprovalTemplate', 'workflow_approval_template', 'workflow_approval_templates', 'workflow_approval'),
  template('SystemJobTemplate', 'system_job_template', 'system_job_templates', 'system_job'),
  other('WorkflowJobNode', 'workflow_job_node', 'workflow_job_nodes', 'workflowJobNodes'),
  other('User', 'user', 'users', 'models/user'),
  other('Organization', 'organization', 'organizations', 'models/organization'),
  other('Inventory', 'inventory', 'inventories', 'models/inventory'),
  other('Schedule', 'schedule', 'schedules', 'models/schedule'),
  other('Credential', 'credential', 'credentials', 'models/credential'),
  other('Label', 'label', 'labels', 'models/label'),
  other('Notification', 'notification', 'notifications', 'models/notification'),
  other('ActivityStreamEntry', 'activity_stream', 'activity_stream', 'models/activityStream'),
] as const satisfies readonly AwxKind[];

/**
 * The AWX view listing every kind of one family together, by id (`/unified_jobs/`, `/unified_job_templates/`):
 * each row carries its `type` and is serialized as its own kind's list row (`get_sub_serializer` of
 * `UnifiedJobListSerializer` and `UnifiedJobTemplateSerializer` in awx/api/serializers.py).
 */
export const FAMILY_LISTS = { job: 'unified_jobs', template: 'unified_job_templates' } as const;

/** A family that has a view of its own: unified jobs or unified job templates. */
export type UnifiedFamily = keyof typeof FAMILY_LISTS;

/** A row of the table, with its literal names. */
export type Kind = (typeof KINDS)[number];

/** The GraphQL type names of one family's kinds. */
export type GraphqlTypeOf<F extends KindFamily> = Extract<Kind, { family: F }>['graphqlType'];

/** The kinds of one family. */
export function kindsOf<F extends KindFamily>(family: F): readonly Extract<Kind, { family: F }>[] {
  return KINDS.filter((kind): kind is Extract<Kind, { family: F }> => kind.family === family);
}

const BY_TYPE = new Map<string, Kind>(KINDS.map((kind) => [kind.type, kind]));
const BY_RESOURCE = new Map<string, Kind>(KINDS.map((kind) => [kind.resource, kind]));
const BY_GRAPHQL_TYPE = new Map<string, Kind>(KINDS.map((kind) => [kind.graphqlType, kind]));

/** The kind AWX's `type` string names, within a family when given. */
export function kindOfType(type: unknown, family?: KindFamily): Kind | undefined {
  const kind = typeof type === 'string' ? BY_TYPE.get(type) : undefined;
  return kind && (family === undefined || kind.family === family) ? kind : undefined;
}

/** The kind whose GraphQL object type has this name. */
export function kindOfGraphqlType(name: string): Kind | undefined {
  return BY_GRAPHQL_TYPE.get(name);
}

/** The kind read from a collection. */
export function kindOfResource(resource: string): Kind | undefined {
  return BY_RESOURCE.get(resource);
}

/** The template kind that launches jobs of this `type` (a template summary's `unified_job_type`). */
export function templateLaunching(jobType: unknown): Extract<Kind, { family: 'template' }> | undefined {
  return kindsOf('template').find((kind) => kind.launches === jobType);
}

/** `WorkflowJob` → `workflowJob`: the name of a kind's by-id root field. */
export function rootFieldOf(kind: AwxKind): string {
  return kind.graphqlType[0]!.toLowerCase() + kind.graphqlType.slice(1);
}
