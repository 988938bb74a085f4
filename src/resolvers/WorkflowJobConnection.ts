/** `WorkflowJobConnection`: a window of AWX's workflow job list as a Relay page (edges are plain models). */
import type { WorkflowJobConnectionResolvers } from '../__generated__/resolvers-types.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import { connectionResolvers } from './connection.js';

export const WorkflowJobConnection: WorkflowJobConnectionResolvers = connectionResolvers<AwxWorkflowJob>();
