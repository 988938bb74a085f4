/** The AWX-compatible demo upstream: its dataset, record helpers, logins and the HTTP server. */
export {
  createDemoData,
  DEMO_ADMIN_READONLY_TOKEN,
  DEMO_AUTHORIZATION,
  DEMO_CREDENTIALS,
  organizationOf,
  putRecord,
  removeRecord,
  WORKFLOW_JOB_COUNT,
  type AwxRecord,
  type CollectionName,
  type DemoAccount,
  type DemoData,
  type DemoToken,
  type PutRecordOptions,
} from './data.js';
export {
  startDemoAwx,
  type DemoAwx,
  type DemoAwxOptions,
  type Fault,
  type FaultRule,
  type RecordedRequest,
} from './server.js';
export { STORED_COLLECTIONS } from './types.js';
