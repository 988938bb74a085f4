/** The demo AWX's logins as `Authorization` values (see packages/demo-awx), named as the tests use them. */
import { DEMO_AUTHORIZATION as AUTH } from '@awx-graphql/demo-awx';

export const { admin: ADMIN, alice: ALICE, bob: BOB, carol: CAROL, dave: DAVE, grace: GRACE, adminReadOnly: READ_ONLY } = AUTH;
