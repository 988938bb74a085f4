/** `Credential` ← AWX `credential`, full or summarised; its secret `inputs` are never read. */
import type { CredentialResolvers } from '../__generated__/resolvers-types.js';
import type { AwxCredential } from '../awx/models/credential.js';
import { propsOf } from './helpers.js';

const p = propsOf<AwxCredential>();

export const Credential: CredentialResolvers = {
  organizationId: p('organization'),
  // A credential summary names it `credential_type_id`.
  credentialTypeId: (cred) => cred.credential_type ?? cred.credential_type_id ?? null,
};
