/** The demo's logins as `Authorization` values, named as the tests use them. */
import { DEMO_AUTHORIZATION as AUTH } from '../src/index.js';

export const { admin: ADMIN, alice: ALICE, bob: BOB, carol: CAROL, dave: DAVE, grace: GRACE, adminReadOnly: READ_ONLY } = AUTH;
