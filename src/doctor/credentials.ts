/** Check 6: the credential (the gateway's service credential, or one given on the command line) authenticates at `/me/`. */
import { readCredentialOwner, type CredentialOwner } from '../awx/doctorApi.js';
import { AwxHttpError } from '../awx/errors.js';
import { failureText } from './api.js';
import { upstreamOf, type Check, type CheckOutcome, type DoctorCredential } from './types.js';

const AAP_TOKENS = 'AAP 2.5+ makes tokens at the platform gateway (Access Management → Users → Tokens, or POST /api/gateway/v1/tokens/), not in the controller';

/** Why AWX may refuse this kind of credential, and what to do, worded for the layout found. */
function refusalHint(credential: DoctorCredential, aap: boolean): string {
  const scheme = credential.authorization.split(' ', 1)[0]!.toLowerCase();
  if (scheme === 'bearer') {
    const make = 'create a new one (AWX: Users → <user> → Tokens, or POST /api/v2/tokens/)';
    return aap ? `the token is wrong, expired or revoked: ${AAP_TOKENS}` : `the token is wrong, expired or revoked: ${make}; ${AAP_TOKENS}`;
  }
  if (scheme === 'basic') {
    const where = aap ? '; on AAP 2.5+ users and passwords are managed at the platform gateway' : '';
    return `the user name or password is wrong, or Basic authentication is off (AWX setting AUTH_BASIC_ENABLED)${where}; a token (AWX_TOKEN / CONTROLLER_OAUTH_TOKEN) avoids both`;
  }
  return 'AWX accepts `Bearer <token>` and `Basic <base64 user:password>`: check the Authorization given';
}

function role(owner: CredentialOwner): string {
  if (owner.isSuperuser) return 'superuser';
  return owner.isSystemAuditor ? 'system auditor' : 'neither superuser nor system auditor';
}

function refused(error: unknown, credential: DoctorCredential, aap: boolean): CheckOutcome {
  if (error instanceof AwxHttpError && error.status === 401) {
    return { status: 'fail', message: `AWX refused ${credential.source} (HTTP 401)`, hint: refusalHint(credential, aap), details: { status: 401 } };
  }
  if (error instanceof AwxHttpError && error.status === 403) {
    return { status: 'fail', message: `AWX refused ${credential.source} (HTTP 403)`, hint: 'the user may be disabled, or something in front of the controller refuses the request', details: { status: 403 } };
  }
  return { status: 'fail', message: `could not check ${credential.source}: ${failureText(error)}` };
}

/** Who the credential is; a superuser as the service credential is a warning (every header-less caller would act as it). */
export const credentialsCheck: Check = {
  id: 'credentials',
  title: 'credentials',
  needs: ['layout'],
  async run(context) {
    const { transport } = upstreamOf(context);
    const credential = context.credential;
    if (!credential) {
      return {
        status: 'warn',
        message: 'no service credential: callers must send their own Authorization (an AWX Bearer token or Basic user)',
        hint: 'to check a credential, pass --token <token>; AWX_TOKEN / CONTROLLER_OAUTH_TOKEN would give the gateway a service token',
      };
    }
    let owner: CredentialOwner;
    try {
      owner = await readCredentialOwner(transport, credential.authorization);
    } catch (error) {
      return refused(error, credential, transport.api.layout?.kind === 'aap');
    }
    const details = { ...owner, source: credential.source };
    const message = `authenticated as ${owner.username} (${role(owner)}) with ${credential.source}`;
    if (credential.service && owner.isSuperuser) {
      const hint = 'callers who send no Authorization act as this superuser, mutations included: give the gateway a token of a least-privileged user (read-only if it only reads), or none';
      return { status: 'warn', message, hint, details };
    }
    return { status: 'pass', message, details };
  },
};
