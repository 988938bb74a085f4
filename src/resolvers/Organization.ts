/** `Organization` ← AWX `organization`. */
import type { OrganizationResolvers } from '../__generated__/resolvers-types.js';
import type { AwxOrganization } from '../awx/models/organization.js';
import { propsOf } from './helpers.js';

const p = propsOf<AwxOrganization>();

export const Organization: OrganizationResolvers = {
  maxHosts: p('max_hosts'),
  defaultEnvironmentId: p('default_environment'),
};
