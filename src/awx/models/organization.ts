/**
 * An AWX organization as `/api/v2/organizations/` sends it (OrganizationSerializer).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */
import type { AwxNamedObject } from './common.js';

/** An organization; a summary carries only id, name and description. */
export type AwxOrganization = AwxNamedObject & {
  max_hosts?: number;
  default_environment?: number | null;
};
