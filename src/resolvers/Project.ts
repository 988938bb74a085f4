/** `Project` ← AWX `project`, full or summarised. */
import type { ProjectResolvers } from '../__generated__/resolvers-types.js';
import type { AwxProject } from '../awx/models/templates.js';
import { propsOf } from './helpers.js';

const p = propsOf<AwxProject>();

export const Project: ProjectResolvers = {
  lastJobRun: p('last_job_run'),
  lastJobFailed: p('last_job_failed'),
  nextJobRun: p('next_job_run'),
  organizationId: p('organization'),
  localPath: p('local_path'),
  scmType: p('scm_type'),
  scmUrl: p('scm_url'),
  scmBranch: p('scm_branch'),
  scmRefspec: p('scm_refspec'),
  scmRevision: p('scm_revision'),
  scmClean: p('scm_clean'),
  scmTrackSubmodules: p('scm_track_submodules'),
  scmDeleteOnUpdate: p('scm_delete_on_update'),
  credentialId: p('credential'),
  scmUpdateOnLaunch: p('scm_update_on_launch'),
  scmUpdateCacheTimeout: p('scm_update_cache_timeout'),
  allowOverride: p('allow_override'),
  defaultEnvironmentId: p('default_environment'),
  signatureValidationCredentialId: p('signature_validation_credential'),
  lastUpdateFailed: p('last_update_failed'),
  lastUpdated: p('last_updated'),
};
