/** The demo dataset: a deterministic, realistic AWX with three organizations and 240 workflow jobs. */
export { createDemoData, WORKFLOW_JOB_COUNT } from './dataset/build.js';
export { DEMO_AUTHORIZATION } from './dataset/authorization.js';
export { DEMO_CREDENTIALS, DEMO_ADMIN_READONLY_TOKEN } from './dataset/people.js';
export { putRecord, removeRecord, organizationOf, type PutRecordOptions } from './store.js';
export type { AwxRecord, CollectionName, DemoAccount, DemoData, DemoToken } from './types.js';
