/**
 * An AWX organization as `/api/v2/organizations/` sends it (OrganizationSerializer).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */

/** An organization; a summary carries only id, name and description. */
export type AwxOrganization = {
  id: number;
  type?: string;
  url?: string;
  created?: string;
  modified?: string;
  name?: string;
  description?: string;
  max_hosts?: number;
  default_environment?: number | null;
};
