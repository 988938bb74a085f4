/** The related object types, read by id from the demo AWX: every field, visibility, id checks and batching. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { putRecord } from '@awx-graphql/demo-awx';
import { Credential } from '../src/resolvers/Credential.js';
import { Inventory } from '../src/resolvers/Inventory.js';
import { Label } from '../src/resolvers/Label.js';
import { Notification } from '../src/resolvers/Notification.js';
import { ALICE, awxPath, BOB, useTestGateway } from './gateway.js';
import { EXPECTED } from './resources.expected.js';

const UJT = 'id type url name description created modified status lastJobRun lastJobFailed nextJobRun';

/** Every field of each root field's type, by root field name. */
const FIELDS = {
  user: 'id type url created modified username firstName lastName email isSuperuser isSystemAuditor lastLogin',
  organization: 'id type url created modified name description maxHosts defaultEnvironmentId',
  workflowJobTemplate: `${UJT} organizationId inventoryId limit scmBranch extraVars allowSimultaneous surveyEnabled
    askVariablesOnLaunch askInventoryOnLaunch askLimitOnLaunch askScmBranchOnLaunch askLabelsOnLaunch askTagsOnLaunch
    askSkipTagsOnLaunch jobTags skipTags webhookService webhookCredentialId`,
  jobTemplate: `${UJT} jobType inventoryId projectId playbook scmBranch forks limit verbosity extraVars jobTags skipTags
    forceHandlers startAtTask timeout useFactCache organizationId executionEnvironmentId askScmBranchOnLaunch
    askDiffModeOnLaunch askVariablesOnLaunch askLimitOnLaunch askTagsOnLaunch askSkipTagsOnLaunch askJobTypeOnLaunch
    askVerbosityOnLaunch askInventoryOnLaunch askCredentialOnLaunch askExecutionEnvironmentOnLaunch askLabelsOnLaunch
    askForksOnLaunch askJobSliceCountOnLaunch askTimeoutOnLaunch askInstanceGroupsOnLaunch surveyEnabled becomeEnabled
    diffMode allowSimultaneous jobSliceCount webhookService webhookCredentialId preventInstanceGroupFallback`,
  project: `${UJT} organizationId localPath scmType scmUrl scmBranch scmRefspec scmRevision scmClean scmTrackSubmodules
    scmDeleteOnUpdate credentialId timeout scmUpdateOnLaunch scmUpdateCacheTimeout allowOverride defaultEnvironmentId
    signatureValidationCredentialId lastUpdateFailed lastUpdated`,
  inventorySource: `${UJT} source sourcePath sourceVars credentialId enabledVar enabledValue hostFilter overwrite
    overwriteVars timeout verbosity executionEnvironmentId inventoryId updateOnLaunch updateCacheTimeout sourceProjectId
    lastUpdateFailed lastUpdated`,
  workflowApprovalTemplate: `${UJT} executionEnvironmentId timeout`,
  systemJobTemplate: `${UJT} executionEnvironmentId jobType`,
  inventory: `id type url created modified name description organizationId kind hostFilter variables hasActiveFailures
    totalHosts hostsWithActiveFailures totalGroups hasInventorySources totalInventorySources
    inventorySourcesWithFailures pendingDeletion preventInstanceGroupFallback`,
  schedule: `id type url created modified name description rrule enabled dtstart dtend nextRun timezone until
    unifiedJobTemplateId extraData inventoryId scmBranch jobType jobTags skipTags limit diffMode verbosity
    executionEnvironmentId forks jobSliceCount timeout`,
  credential: `id type url created modified name description organizationId credentialTypeId managed kind cloud
    kubernetes`,
  label: 'id type url created modified name organizationId',
  notification: `id type url created modified notificationTemplateId error status notificationsSent notificationType
    recipients subject body`,
  activityStreamEntry: `id type url timestamp operation changes object1 object2 objectAssociation actionNode objectType
    actor { id username firstName lastName }`,
} as const;

type Root = keyof typeof FIELDS;
/** A root field of this file, for the expected values in resources.expected.ts. */
export type ExpectedRoot = Root;

/** Per root field: its AWX collection, and an id alice (Engineering) and one bob (Operations) may not see. */
const CASES: Record<Root, { collection: string; aliceCannotSee: number; bobCannotSee: number }> = {
  user: { collection: 'users', aliceCannotSee: 3, bobCannotSee: 2 },
  organization: { collection: 'organizations', aliceCannotSee: 3, bobCannotSee: 2 },
  workflowJobTemplate: { collection: 'workflow_job_templates', aliceCannotSee: 33, bobCannotSee: 29 },
  jobTemplate: { collection: 'job_templates', aliceCannotSee: 18, bobCannotSee: 15 },
  project: { collection: 'projects', aliceCannotSee: 8, bobCannotSee: 7 },
  inventorySource: { collection: 'inventory_sources', aliceCannotSee: 11, bobCannotSee: 10 },
  workflowApprovalTemplate: { collection: 'workflow_approval_templates', aliceCannotSee: 25, bobCannotSee: 24 },
  systemJobTemplate: { collection: 'system_job_templates', aliceCannotSee: 2, bobCannotSee: 2 },
  inventory: { collection: 'inventories', aliceCannotSee: 4, bobCannotSee: 3 },
  schedule: { collection: 'schedules', aliceCannotSee: 3, bobCannotSee: 2 },
  credential: { collection: 'credentials', aliceCannotSee: 4, bobCannotSee: 2 },
  label: { collection: 'labels', aliceCannotSee: 25, bobCannotSee: 7 },
  notification: { collection: 'notifications', aliceCannotSee: 2, bobCannotSee: 4 },
  activityStreamEntry: { collection: 'activity_stream', aliceCannotSee: 2, bobCannotSee: 8 },
};
const ROOTS = Object.keys(FIELDS) as Root[];

const gw = useTestGateway();

describe('root fields by id', () => {
  it.each(EXPECTED.map((expected) => [`${expected.root}(id: ${expected.value.id})`, expected] as const))(
    '%s maps every field', async (_name, { root, value }) => {
      const { body } = await gw.gql(`{ x: ${root}(id: ${value.id}) { ${FIELDS[root]} } }`);
      expect(body.errors).toBeUndefined();
      expect(body.data!.x).toEqual(value);
      expect(gw.upstreamPaths()).toEqual([`/api/v2/${CASES[root].collection}/?id__in=${value.id}&page_size=200`]);
    });

  it.each(ROOTS)('%s is null for an object of another organization', async (root) => {
    const { aliceCannotSee, bobCannotSee } = CASES[root];
    const alice = await gw.gql(`{ x: ${root}(id: ${aliceCannotSee}) { id } }`, {}, ALICE);
    const bob = await gw.gql(`{ x: ${root}(id: ${bobCannotSee}) { id } }`, {}, BOB);
    // SystemJobTemplateList.get refuses its list to all but superusers and system auditors (403 "Superuser
    // privileges needed."): for everyone else it holds nothing they may see, so the template is null too.
    expect([alice.body, bob.body]).toEqual([{ data: { x: null } }, { data: { x: null } }]);
    const admin = await gw.gql(`{ a: ${root}(id: ${aliceCannotSee}) { id } b: ${root}(id: ${bobCannotSee}) { id } }`);
    expect(admin.body.data).toEqual({ a: { id: String(aliceCannotSee) }, b: { id: String(bobCannotSee) } });
  });

  it.each(ROOTS)('%s refuses id "0" with BAD_USER_INPUT before calling AWX', async (root) => {
    const { body } = await gw.gql(`{ x: ${root}(id: "0") { id } }`);
    expect(body.data).toEqual({ x: null });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.path).toEqual(['x']);
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('batches reads of one collection into a single id__in request', async () => {
    const query = '{ a: user(id: 1) { username } b: user(id: 2) { username } c: user(id: 3) { username } }';
    const { body } = await gw.gql(query);
    expect(body).toEqual({ data: { a: { username: 'admin' }, b: { username: 'alice' }, c: { username: 'bob' } } });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/users/?id__in=1%2C2%2C3&page_size=200']);
  });

  it('is null for an id nobody has', async () => {
    const { body } = await gw.gql('{ x: label(id: 2147483647) { id } }');
    expect(body).toEqual({ data: { x: null } });
  });
});

describe('real captured AWX responses', () => {
  it('maps the workflow job template of workflowJobTemplate.json', async () => {
    const sample = JSON.parse(readFileSync(new URL('./fixtures/workflowJobTemplate.json', import.meta.url), 'utf8'));
    putRecord(gw.demo.data, 'workflow_job_templates', { ...sample, id: 999 }, { organizationId: 1 });
    const { body } = await gw.gql(`{ x: workflowJobTemplate(id: 999) { ${FIELDS.workflowJobTemplate} } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.x).toEqual({
      id: '999', type: 'workflow_job_template', url: awxPath('/api/v2/workflow_job_templates/152/'), name: 'E2E 6GDe',
      description: 'this is a description', created: '2023-08-21T19:49:59.680106Z',
      modified: '2023-08-21T19:49:59.680124Z', status: 'never updated', lastJobRun: null, lastJobFailed: false,
      nextJobRun: null, organizationId: null, inventoryId: null, limit: null, scmBranch: null, extraVars: {},
      allowSimultaneous: true, surveyEnabled: false, askVariablesOnLaunch: false, askInventoryOnLaunch: false,
      askLimitOnLaunch: false, askScmBranchOnLaunch: false, askLabelsOnLaunch: false, askTagsOnLaunch: false,
      askSkipTagsOnLaunch: false, jobTags: '', skipTags: '', webhookService: null, webhookCredentialId: null,
    });
  });
});

describe('partial objects built from a parent summary', () => {
  /** Calls a field resolver on a parent, as graphql-js would for a summary-built object. */
  const field = (resolver: unknown, parent: object) => (resolver as (parent: object) => unknown)(parent);

  it('read the keys AWX summaries use instead of the full objects\' ones', () => {
    expect(field(Inventory.organizationId, { id: 1, organization_id: 3 })).toBe(3);
    expect(field(Inventory.organizationId, { id: 1, organization: 2, organization_id: 3 })).toBe(2);
    expect(field(Credential.credentialTypeId, { id: 2, credential_type_id: 12 })).toBe(12);
    expect(field(Label.organizationId, { id: 7, organization_id: 2 })).toBe(2);
    expect(field(Notification.notificationTemplateId, { id: 4, notification_template_id: 2 })).toBe(2);
    expect(field(Inventory.organizationId, { id: 1 })).toBeNull();
  });
});
