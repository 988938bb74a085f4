/**
 * What the demo AWX holds for one object of each related type, as GraphQL returns it with every field
 * selected (the dataset is seeded, so these change only when the dataset does).
 */
import { awxPath } from './gateway.js';
import type { ExpectedRoot } from './resources.test.js';

export const EXPECTED: { root: ExpectedRoot; value: { id: string } & Record<string, unknown> }[] = [
  {
    root: 'user',
    value: {
      id: '2', type: 'user', url: awxPath('/api/v2/users/2/'), created: '2024-03-08T09:23:48.256748Z',
      modified: '2024-03-08T09:23:48.671041Z', username: 'alice', firstName: 'Alice', lastName: 'Anders',
      email: 'alice@example.com', isSuperuser: false, isSystemAuditor: false,
      lastLogin: '2024-03-08T09:23:48.671041Z',
    },
  },
  {
    root: 'organization',
    value: {
      id: '2', type: 'organization', url: awxPath('/api/v2/organizations/2/'), created: '2024-03-07T11:23:58.209458Z',
      modified: '2024-03-07T11:23:58.613621Z', name: 'Engineering',
      description: 'Product engineering: web stack and release pipeline', maxHosts: 0, defaultEnvironmentId: null,
    },
  },
  {
    root: 'workflowJobTemplate',
    value: {
      id: '29', type: 'workflow_job_template', url: awxPath('/api/v2/workflow_job_templates/29/'), name: 'Deploy web stack',
      description: 'Build, deploy and verify', created: '2024-03-19T02:45:51.510041Z',
      modified: '2024-03-19T02:45:52.042855Z', status: 'running', lastJobRun: '2024-05-13T05:03:21.165081Z',
      lastJobFailed: false, nextJobRun: null, organizationId: '2', inventoryId: null, limit: null, scmBranch: null,
      extraVars: {}, allowSimultaneous: false, surveyEnabled: false, askVariablesOnLaunch: true,
      askInventoryOnLaunch: true, askLimitOnLaunch: true, askScmBranchOnLaunch: true, askLabelsOnLaunch: true,
      askTagsOnLaunch: true, askSkipTagsOnLaunch: true, jobTags: '', skipTags: '', webhookService: 'GITHUB',
      webhookCredentialId: '2',
    },
  },
  {
    root: 'jobTemplate',
    value: {
      id: '15', type: 'job_template', url: awxPath('/api/v2/job_templates/15/'), name: 'Deploy application',
      description: 'Rolling deploy of the web app', created: '2024-03-17T19:58:05.043835Z',
      modified: '2024-03-17T19:58:05.562467Z', status: 'successful', lastJobRun: '2024-05-13T13:59:14.167220Z',
      lastJobFailed: false, nextJobRun: null, jobType: 'run', inventoryId: '3', projectId: '7',
      playbook: 'deploy.yml', scmBranch: '', forks: 0, limit: '', verbosity: 0, extraVars: {}, jobTags: '',
      skipTags: '', forceHandlers: false, startAtTask: '', timeout: 0, useFactCache: false, organizationId: '2',
      executionEnvironmentId: null, askScmBranchOnLaunch: false, askDiffModeOnLaunch: false,
      askVariablesOnLaunch: false, askLimitOnLaunch: false, askTagsOnLaunch: false, askSkipTagsOnLaunch: false,
      askJobTypeOnLaunch: false, askVerbosityOnLaunch: false, askInventoryOnLaunch: false,
      askCredentialOnLaunch: false, askExecutionEnvironmentOnLaunch: false, askLabelsOnLaunch: false,
      askForksOnLaunch: false, askJobSliceCountOnLaunch: false, askTimeoutOnLaunch: false,
      askInstanceGroupsOnLaunch: false, surveyEnabled: false, becomeEnabled: false, diffMode: false,
      allowSimultaneous: false, jobSliceCount: 1, webhookService: null, webhookCredentialId: null,
      preventInstanceGroupFallback: false,
    },
  },
  {
    root: 'project',
    value: {
      id: '7', type: 'project', url: awxPath('/api/v2/projects/7/'), name: 'platform-playbooks',
      description: 'Playbooks of the web platform', created: '2024-03-17T02:22:13.206003Z',
      modified: '2024-03-17T02:22:13.716531Z', status: 'successful', lastJobRun: '2024-05-13T13:49:51.395168Z',
      lastJobFailed: false, nextJobRun: null, organizationId: '2', localPath: '_7__platform_playbooks',
      scmType: 'git', scmUrl: 'https://git.example.com/demo/platform_playbooks.git', scmBranch: '', scmRefspec: '',
      scmRevision: '306d8814caf9c50c0926fa20ecec497b54f004ac', scmClean: false, scmTrackSubmodules: false,
      scmDeleteOnUpdate: false, credentialId: null, timeout: 0, scmUpdateOnLaunch: true, scmUpdateCacheTimeout: 0,
      allowOverride: false, defaultEnvironmentId: null, signatureValidationCredentialId: null,
      lastUpdateFailed: false, lastUpdated: '2024-05-13T13:49:51.395168Z',
    },
  },
  {
    root: 'inventorySource',
    value: {
      id: '10', type: 'inventory_source', url: awxPath('/api/v2/inventory_sources/10/'), name: 'AWS EC2 eu-west-1',
      description: 'Production web hosts', created: '2024-03-17T08:58:10.520190Z',
      modified: '2024-03-17T08:58:11.033757Z', status: 'successful', lastJobRun: '2024-05-13T04:52:52.808590Z',
      lastJobFailed: false, nextJobRun: null, source: 'ec2', sourcePath: '', sourceVars: {}, credentialId: null,
      enabledVar: '', enabledValue: '', hostFilter: '', overwrite: false, overwriteVars: false, timeout: 0,
      verbosity: 1, executionEnvironmentId: null, inventoryId: '3', updateOnLaunch: false, updateCacheTimeout: 0,
      sourceProjectId: null, lastUpdateFailed: false, lastUpdated: '2024-05-13T04:52:52.808590Z',
    },
  },
  {
    root: 'workflowApprovalTemplate',
    value: {
      id: '24', type: 'workflow_approval_template', url: awxPath('/api/v2/workflow_approval_templates/24/'),
      name: 'Approve production deploy', description: 'Release manager sign-off',
      created: '2024-03-18T15:45:56.986396Z', modified: '2024-03-18T15:45:57.514145Z', status: 'successful',
      lastJobRun: '2024-05-13T14:01:28.586453Z', lastJobFailed: false, nextJobRun: null, executionEnvironmentId: null,
      timeout: 3600,
    },
  },
  {
    root: 'systemJobTemplate',
    value: {
      id: '2', type: 'system_job_template', url: awxPath('/api/v2/system_job_templates/2/'), name: 'Cleanup Activity Stream',
      description: 'Remove activity stream entries older than a certain number of days',
      created: '2024-03-16T15:22:18.682358Z', modified: '2024-03-16T15:22:19.187821Z', status: 'successful',
      lastJobRun: '2024-05-11T12:06:26.150866Z', lastJobFailed: false, nextJobRun: null, executionEnvironmentId: null,
      jobType: 'cleanup_activitystream',
    },
  },
  {
    root: 'inventory',
    value: {
      id: '3', type: 'inventory', url: awxPath('/api/v2/inventories/3/'), created: '2024-03-13T01:34:57.597927Z',
      modified: '2024-03-13T01:34:58.063883Z', name: 'Production web', description: '', organizationId: '2', kind: '',
      hostFilter: null, variables: { ansible_connection: 'ssh' }, hasActiveFailures: true, totalHosts: 24,
      hostsWithActiveFailures: 2, totalGroups: 5, hasInventorySources: true, totalInventorySources: 1,
      inventorySourcesWithFailures: 0, pendingDeletion: false, preventInstanceGroupFallback: false,
    },
  },
  {
    root: 'inventory',
    value: {
      id: '5', type: 'inventory', url: awxPath('/api/v2/inventories/5/'), created: '2024-03-13T05:58:55.807385Z',
      modified: '2024-03-13T05:58:56.275367Z', name: 'Edge sites', description: '', organizationId: '3',
      kind: 'smart', hostFilter: 'name__icontains=edge', variables: {}, hasActiveFailures: false, totalHosts: 42,
      hostsWithActiveFailures: 0, totalGroups: 0, hasInventorySources: false, totalInventorySources: 0,
      inventorySourcesWithFailures: 0, pendingDeletion: false, preventInstanceGroupFallback: false,
    },
  },
  {
    root: 'schedule',
    value: {
      id: '3', type: 'schedule', url: awxPath('/api/v2/schedules/3/'), created: '2024-03-15T19:34:27.739797Z',
      modified: '2024-03-15T19:34:28.236143Z', name: 'Weekly fleet patching', description: '',
      rrule: 'DTSTART;TZID=UTC:20240504T220000 RRULE:FREQ=WEEKLY;BYDAY=SA', enabled: true,
      dtstart: '2024-05-04T22:00:00Z', dtend: null, nextRun: '2024-05-18T22:00:00Z', timezone: 'UTC', until: '',
      unifiedJobTemplateId: '33', extraData: {}, inventoryId: null, scmBranch: null, jobType: null, jobTags: null,
      skipTags: null, limit: null, diffMode: null, verbosity: null, executionEnvironmentId: null, forks: null,
      jobSliceCount: null, timeout: null,
    },
  },
  {
    root: 'credential',
    value: {
      id: '2', type: 'credential', url: awxPath('/api/v2/credentials/2/'), created: '2024-03-13T21:22:48.540488Z',
      modified: '2024-03-13T21:22:49.015561Z', name: 'GitHub token (platform)', description: '', organizationId: '2',
      credentialTypeId: '12', managed: false, kind: 'github_token', cloud: false, kubernetes: false,
    },
  },
  {
    root: 'label',
    value: {
      id: '7', type: 'label', url: awxPath('/api/v2/labels/7/'), created: '2024-03-09T18:23:33.827683Z',
      modified: '2024-03-09T18:23:34.257171Z', name: 'api', organizationId: '2',
    },
  },
  {
    root: 'notification',
    value: {
      id: '4', type: 'notification', url: awxPath('/api/v2/notifications/4/'), created: '2024-05-06T16:06:04.637587Z',
      modified: '2024-05-06T16:06:05.651871Z', notificationTemplateId: '2', error: '', status: 'successful',
      notificationsSent: 1, notificationType: 'webhook', recipients: 'https://hooks.example.com/awx/release',
      subject: null,
      body: {
        id: 13, name: 'Release pipeline', url: 'https://awx.example.com/#/jobs/workflow/13/output', status: 'running',
        started: '2024-05-06T16:06:04.383535Z', finished: null, created_by: null,
      },
    },
  },
  {
    root: 'notification',
    value: {
      id: '2', type: 'notification', url: awxPath('/api/v2/notifications/2/'), created: '2024-05-06T10:57:41.473948Z',
      modified: '2024-05-06T10:57:42.481090Z', notificationTemplateId: '3', error: '', status: 'successful',
      notificationsSent: 1, notificationType: 'email', recipients: "['oncall@example.com']",
      subject: "Workflow Job #6 'Patch Linux fleet' canceled: https://awx.example.com/#/jobs/workflow/6/output",
      body: 'Workflow Job #6 had status canceled, view details at '
        + 'https://awx.example.com/#/jobs/workflow/6/output\n\n{\n    "id": 6,\n    "name": "Patch Linux '
        + 'fleet",\n    "url": "https://awx.example.com/#/jobs/workflow/6/output",\n    "status": '
        + '"canceled",\n    "started": "2024-05-06T10:46:44.697487Z",\n    "finished": '
        + '"2024-05-06T10:57:41.221922Z",\n    "created_by": null\n}',
    },
  },
  {
    root: 'notification',
    value: {
      id: '5', type: 'notification', url: awxPath('/api/v2/notifications/5/'), created: '2024-05-06T16:21:35.055760Z',
      modified: '2024-05-06T16:21:36.073615Z', notificationTemplateId: '1', error: '', status: 'successful',
      notificationsSent: 1, notificationType: 'slack', recipients: "['#deploys']",
      subject: 'The approval node "Approve production deploy" needs review. This node can be viewed at: '
        + 'https://awx.example.com/#/jobs/workflow/13/output',
      body: null,
    },
  },
  {
    root: 'notification',
    value: {
      id: '40', type: 'notification', url: awxPath('/api/v2/notifications/40/'), created: '2024-05-08T15:01:31.793110Z',
      modified: '2024-05-08T15:01:32.810965Z', notificationTemplateId: '2',
      error: 'Error sending notification webhook: 503', status: 'failed', notificationsSent: 0,
      notificationType: 'webhook', recipients: 'https://hooks.example.com/awx/release', subject: null,
      body: {
        id: 77, name: 'Release pipeline', url: 'https://awx.example.com/#/jobs/workflow/77/output', status: 'running',
        started: '2024-05-08T15:01:31.539058Z', finished: null, created_by: null,
      },
    },
  },
  {
    root: 'activityStreamEntry',
    value: {
      id: '2', type: 'activity_stream', url: awxPath('/api/v2/activity_stream/2/'), timestamp: '2024-05-06T07:18:11.880866Z',
      operation: 'associate',
      changes: {
        object1: 'workflow_job', object1_pk: 1, object2: 'label', object2_pk: 25, action: 'associate',
        relationship: 'awx.main.models.unified_jobs.UnifiedJob_labels',
      },
      object1: 'workflow_job', object2: 'label', objectAssociation: 'labels', actionNode: 'awx-demo-task-1',
      objectType: '', actor: { id: '3', username: 'bob', firstName: 'Bob', lastName: 'Baker' },
    },
  },
  {
    root: 'activityStreamEntry',
    value: {
      id: '5', type: 'activity_stream', url: awxPath('/api/v2/activity_stream/5/'), timestamp: '2024-05-06T08:37:12.746164Z',
      operation: 'create',
      changes: {
        name: 'Deploy web stack', description: 'Build, deploy and verify', status: 'pending', launch_type: 'webhook',
        unified_job_template: 'Deploy web stack-29', id: 3,
      },
      object1: 'workflow_job', object2: '', objectAssociation: '', actionNode: 'awx-demo-task-1', objectType: '',
      actor: null,
    },
  },
  {
    root: 'activityStreamEntry',
    value: {
      id: '8', type: 'activity_stream', url: awxPath('/api/v2/activity_stream/8/'), timestamp: '2024-05-06T08:40:07.785802Z',
      operation: 'update', changes: { cancel_flag: [false, true] }, object1: 'workflow_job', object2: '',
      objectAssociation: '', actionNode: 'awx-demo-task-1', objectType: '',
      actor: { id: '2', username: 'alice', firstName: 'Alice', lastName: 'Anders' },
    },
  },
];
