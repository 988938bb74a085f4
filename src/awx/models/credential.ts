/**
 * An AWX credential as `/api/v2/credentials/` sends it (CredentialSerializer), secrets left out.
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */
import type { AwxNamedObject } from './common.js';

/** A credential; a summary has `credential_type_id` where the full object has `credential_type`. */
export type AwxCredential = AwxNamedObject & {
  organization?: number | null;
  credential_type?: number | null;
  credential_type_id?: number | null;
  managed?: boolean;
  kind?: string;
  cloud?: boolean;
  kubernetes?: boolean;
};
