/** `ProjectUpdate` ← AWX `project_update` (a project's source control update): a mapping table. */
import type { ProjectUpdateResolvers } from '../__generated__/resolvers-types.js';
import type { AwxProjectUpdate } from '../awx/models/jobs.js';
import { propsOf } from './helpers.js';
import { unifiedJobFields } from './unifiedJobFields.js';

const p = propsOf<AwxProjectUpdate>();

/** Resolvers of `ProjectUpdate`: AWX keys renamed. */
export const ProjectUpdate: ProjectUpdateResolvers = {
  ...unifiedJobFields,
  projectId: p('project'),
  localPath: p('local_path'),
  scmType: p('scm_type'),
  scmUrl: p('scm_url'),
  scmBranch: p('scm_branch'),
  scmRefspec: p('scm_refspec'),
  scmClean: p('scm_clean'),
  scmTrackSubmodules: p('scm_track_submodules'),
  scmDeleteOnUpdate: p('scm_delete_on_update'),
  credentialId: p('credential'),
  timeout: p('timeout'),
  scmRevision: p('scm_revision'),
  jobType: p('job_type'),
  jobTags: p('job_tags'),
  executionNode: p('execution_node'),
};
