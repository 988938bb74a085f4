/** The demo's logins as the `Authorization` headers clients send. */
import { DEMO_ADMIN_READONLY_TOKEN, DEMO_CREDENTIALS } from './people.js';

/** Each demo login as the `Authorization` header a client sends: its Bearer token. */
export const DEMO_AUTHORIZATION: Readonly<Record<'admin' | 'adminReadOnly' | 'alice' | 'bob' | 'carol' | 'dave' | 'grace', string>> = {
  admin: `Bearer ${DEMO_CREDENTIALS.admin.token}`,
  /** The admin's token with scope `read`: every write gets 403. */
  adminReadOnly: `Bearer ${DEMO_ADMIN_READONLY_TOKEN}`,
  alice: `Bearer ${DEMO_CREDENTIALS.alice.token}`,
  bob: `Bearer ${DEMO_CREDENTIALS.bob.token}`,
  carol: `Bearer ${DEMO_CREDENTIALS.carol.token}`,
  dave: `Bearer ${DEMO_CREDENTIALS.dave.token}`,
  grace: `Bearer ${DEMO_CREDENTIALS.grace.token}`,
};
