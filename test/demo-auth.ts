/** The demo AWX's credentials as `Authorization` values, for tests that call the fake or the gateway. */
import { DEMO_ADMIN_READONLY_TOKEN, DEMO_CREDENTIALS } from '../src/demo/index.js';

export const ADMIN = `Bearer ${DEMO_CREDENTIALS.admin.token}`;
export const ALICE = `Bearer ${DEMO_CREDENTIALS.alice.token}`;
export const BOB = `Bearer ${DEMO_CREDENTIALS.bob.token}`;
/** Auditor of Engineering: reads all of it, may not launch, relaunch or cancel its jobs. */
export const CAROL = `Bearer ${DEMO_CREDENTIALS.carol.token}`;
/** Admin of Operations: may delete its jobs. */
export const DAVE = `Bearer ${DEMO_CREDENTIALS.dave.token}`;
/** A system auditor: reads everything, system jobs included, changes nothing. */
export const GRACE = `Bearer ${DEMO_CREDENTIALS.grace.token}`;
/** The admin's token with scope "read": every write gets 403. */
export const READ_ONLY = `Bearer ${DEMO_ADMIN_READONLY_TOKEN}`;
