import type { AwxRecord } from '../types.js';
import { CREDENTIALS, INVENTORIES, ORGS, PEOPLE } from './people.js';
import { LABELS, inventorySummary, labelsSummary, orgSummary } from './summaries.js';
import { catalogStamp, links, objectRoles, record, urlOf, userLinks, userSummaries } from './shape.js';

const INVENTORY_COUNTERS = ['has_active_failures', 'total_hosts', 'hosts_with_active_failures', 'total_groups',
  'has_inventory_sources', 'total_inventory_sources', 'inventory_sources_with_failures'];

/** Records of the slowly-changing AWX objects: organizations, users, labels, inventories, credentials. */

/** Organization records (OrganizationSerializer). */
export function organizationRecords(): AwxRecord[] {
  return ORGS.map((org) => {
    const url = urlOf('organizations', org.id);
    const members = PEOPLE.filter((p) => p.organizations.includes(org.id)).length;
    return record({
      id: org.id, type: 'organization', url,
      related: {
        ...userLinks(1, 1),
        ...links(url, ['execution_environments', 'projects', 'inventories', 'job_templates', 'workflow_job_templates',
          'users', 'admins', 'teams', 'credentials', 'applications', 'activity_stream', 'notification_templates',
          'notification_templates_started', 'notification_templates_success', 'notification_templates_error',
          'notification_templates_approvals', 'object_roles', 'access_list', 'instance_groups', 'galaxy_credentials']),
      },
      summary_fields: {
        ...userSummaries(1, 1),
        object_roles: objectRoles(100 + org.id, [
          ['admin_role', 'Admin', 'Can manage all aspects of the organization'],
          ['execute_role', 'Execute', 'May run any executable resources in the organization'],
          ['member_role', 'Member', 'User is a member of the organization'],
          ['read_role', 'Read', 'May view settings for the organization'],
        ]),
        user_capabilities: { edit: true, delete: true },
        related_field_counts: { inventories: INVENTORIES.filter((i) => i.org === org.id).length, teams: 0,
          users: members, job_templates: 0, admins: 0, projects: 1 },
      },
      ...catalogStamp(org.id),
      name: org.name, description: org.description, max_hosts: 0, custom_virtualenv: null, default_environment: null,
    });
  });
}

/** User records (UserSerializer, devel field set); the password is always masked. */
export function userRecords(): AwxRecord[] {
  return PEOPLE.map((p) => {
    const url = urlOf('users', p.id);
    const stamp = catalogStamp(10 + p.id);
    return record({
      id: p.id, type: 'user', url,
      related: links(url, ['teams', 'organizations', 'admin_of_organizations', 'projects', 'credentials', 'roles',
        'activity_stream', 'access_list', 'tokens', 'authorized_tokens', 'personal_tokens']),
      summary_fields: { user_capabilities: { edit: true, delete: !p.isSuperuser } },
      ...stamp,
      username: p.username, first_name: p.firstName, last_name: p.lastName, email: p.email,
      is_superuser: p.isSuperuser, is_system_auditor: p.isSystemAuditor, password: '$encrypted$',
      last_login: p.id === 7 ? null : stamp.modified,
    });
  });
}

/** Label records (LabelSerializer). */
export function labelRecords(): AwxRecord[] {
  return LABELS.map((label) => {
    const creator = label.organization === 2 ? 2 : label.organization === 3 ? 3 : 1;
    return record({
      id: label.id, type: 'label', url: urlOf('labels', label.id),
      related: { organization: urlOf('organizations', label.organization), ...userLinks(creator, creator) },
      summary_fields: { organization: orgSummary(label.organization), ...userSummaries(creator, creator) },
      ...catalogStamp(20 + label.id),
      name: label.name, organization: label.organization,
    });
  });
}

/** Inventory records (InventorySerializer). */
export function inventoryRecords(): AwxRecord[] {
  return INVENTORIES.map((inv) => {
    const url = urlOf('inventories', inv.id);
    const counters = inventorySummary(inv.id);
    return record({
      id: inv.id, type: 'inventory', url,
      related: {
        ...userLinks(1, null),
        ...links(url, ['hosts', 'variable_data', 'groups', 'root_groups', 'inventory_sources',
          'update_inventory_sources', 'activity_stream', 'job_templates', 'ad_hoc_commands', 'access_list',
          'object_roles', 'instance_groups', 'copy', 'labels']),
        organization: urlOf('organizations', inv.org),
      },
      summary_fields: {
        organization: orgSummary(inv.org), ...userSummaries(1, null),
        object_roles: objectRoles(200 + inv.id, [['admin_role', 'Admin', 'Can manage all aspects of the inventory'],
          ['use_role', 'Use', 'Can use the inventory in a job template'],
          ['read_role', 'Read', 'May view settings for the inventory']]),
        user_capabilities: { edit: true, delete: true, copy: true, adhoc: true },
        labels: labelsSummary([]),
      },
      ...catalogStamp(60 + inv.id),
      name: inv.name, description: '', organization: inv.org, kind: inv.kind,
      host_filter: inv.kind === 'smart' ? 'name__icontains=edge' : null,
      variables: inv.kind === 'smart' ? '' : '---\nansible_connection: ssh\n',
      // The host/source counters are the same numbers the inventory summary carries.
      ...Object.fromEntries(Object.entries(counters).filter(([key]) => INVENTORY_COUNTERS.includes(key))),
      pending_deletion: false, prevent_instance_group_fallback: false,
    });
  });
}

/** Credential records (CredentialSerializer); secret inputs are masked as AWX does. */
export function credentialRecords(): AwxRecord[] {
  return CREDENTIALS.map((cred) => {
    const url = urlOf('credentials', cred.id);
    const owners = cred.org === null ? [] : [{ id: cred.org, type: 'organization', name: orgSummary(cred.org).name,
      description: orgSummary(cred.org).description, url: urlOf('organizations', cred.org) }];
    return record({
      id: cred.id, type: 'credential', url,
      related: {
        ...userLinks(1, 1),
        ...(cred.org === null ? {} : { organization: urlOf('organizations', cred.org) }),
        ...links(url, ['activity_stream', 'access_list', 'object_roles', 'owner_users', 'owner_teams', 'copy',
          'input_sources']),
        credential_type: urlOf('credential_types', cred.typeId),
      },
      summary_fields: {
        ...(cred.org === null ? {} : { organization: orgSummary(cred.org) }),
        credential_type: { id: cred.typeId, name: cred.typeName, description: '' },
        ...userSummaries(1, 1),
        object_roles: objectRoles(300 + cred.id, [['admin_role', 'Admin', 'Can manage all aspects of the credential'],
          ['use_role', 'Use', 'Can use the credential in a job template'],
          ['read_role', 'Read', 'May view settings for the credential']]),
        user_capabilities: { edit: true, delete: true, copy: true, use: true },
        owners,
      },
      ...catalogStamp(70 + cred.id),
      name: cred.name, description: '', organization: cred.org, credential_type: cred.typeId, managed: false,
      inputs: cred.kind === 'ssh' ? { username: 'ansible', ssh_key_data: '$encrypted$' } : { token: '$encrypted$' },
      kind: cred.kind, cloud: false, kubernetes: false,
    });
  });
}
