/**
 * Every `…Connection` type: the same Relay shape over a window of AWX objects, so one generic
 * mapping serves them all (edges are plain `{ cursor, node }` models needing no resolvers); workflow
 * jobs page by key values (keyset cursors), the lists of one job by position.
 */
import type { AwxRecord } from '../awx/byIds.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import type { AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import { connectionResolvers } from './connection.js';
import { keysetConnectionResolvers } from './keysetConnection.js';

export const WorkflowJobConnection = keysetConnectionResolvers<AwxWorkflowJob>();
export const WorkflowJobNodeConnection = connectionResolvers<AwxWorkflowJobNode>();
export const LabelConnection = connectionResolvers<AwxRecord>();
export const NotificationConnection = connectionResolvers<AwxRecord>();
export const ActivityStreamConnection = connectionResolvers<AwxRecord>();
