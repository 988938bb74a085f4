/**
 * An AWX user as `/api/v2/users/` sends it (UserSerializer), or a user summary from another object.
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */
import type { AwxObjectBase } from './common.js';

/** A user; a summary (`created_by`, `actor`, …) carries only id, username, first_name and last_name. */
export type AwxUser = AwxObjectBase & {
  username?: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  is_superuser?: boolean;
  is_system_auditor?: boolean;
  /** Always `$encrypted$`; never exposed. */
  password?: string;
  last_login?: string | null;
};
