/** `User` ← AWX `user`, full or summarised (`{id, username, first_name, last_name}`); the password is never read. */
import type { UserResolvers } from '../__generated__/resolvers-types.js';
import type { AwxUser } from '../awx/models/user.js';
import { propsOf } from './helpers.js';

const p = propsOf<AwxUser>();

export const User: UserResolvers = {
  firstName: p('first_name'),
  lastName: p('last_name'),
  isSuperuser: p('is_superuser'),
  isSystemAuditor: p('is_system_auditor'),
  lastLogin: p('last_login'),
};
