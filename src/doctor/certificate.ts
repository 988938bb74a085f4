/** The TLS check's verdict on a certificate: why it does not verify (from Node's verification code) and the fix. */
import type { CertificateCheck } from '../awx/doctorTls.js';
import type { GatewayConfig } from '../config.js';
import type { CheckOutcome } from './types.js';

/** Renewal is due soon: a verified certificate closer than this to its end is a warning. */
const EXPIRY_WARNING_DAYS = 14;

const SKIP_VERIFICATION = 'CONTROLLER_VERIFY_SSL=false / AWX_INSECURE_TLS=true skips verification at your own risk';

/** Codes of a chain that does not end at a trusted CA (as opposed to a date or a name problem). */
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

const day = (date: Date | undefined) => date?.toISOString().slice(0, 10) ?? 'unknown';

/** Why the certificate does not verify, in words. */
export function certificateReason(seen: CertificateCheck, host: string): string {
  const issuer = seen.issuer ?? 'unnamed';
  switch (seen.error) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT': return 'the certificate is self-signed';
    case 'SELF_SIGNED_CERT_IN_CHAIN': return 'the certificate chain ends at a self-signed CA that is not trusted here';
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT': return `the certificate is issued by an unknown CA (${issuer})`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE': return `the certificate's issuer (${issuer}) is unknown: an unknown CA, or the controller does not send its intermediate certificates`;
    case 'CERT_HAS_EXPIRED': return `the certificate expired on ${day(seen.validTo)}`;
    case 'CERT_NOT_YET_VALID': return `the certificate is not valid before ${day(seen.validFrom)}`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID': return `the certificate is not for ${host} (it is for ${seen.altNames ?? seen.subject ?? 'another name'})`;
    default: return `the certificate does not verify (${seen.error ?? 'unknown reason'})`;
  }
}

/** How to make it verify (without turning verification off). */
export function certificateFix(seen: CertificateCheck, host: string, config: GatewayConfig): string {
  const setting = config.sources.url ?? 'AWX_URL';
  if (seen.error === 'ERR_TLS_CERT_ALTNAME_INVALID') return `use a host name the certificate names in ${setting}, or reissue the certificate for ${host}`;
  if (seen.error === 'CERT_HAS_EXPIRED' || seen.error === 'CERT_NOT_YET_VALID') return "renew the controller's certificate (or correct this machine's clock)";
  if (UNTRUSTED.has(seen.error ?? '') && config.caFile) {
    return `AWX_CA_FILE is set but does not hold the CA that signed the certificate (${seen.issuer ?? 'unnamed'}): point it at that CA's PEM file`;
  }
  return "set AWX_CA_FILE=<ca.pem>, the CA that signed the controller's certificate";
}

function describe(seen: CertificateCheck, config: GatewayConfig): string {
  const via = config.caFile ? ' against AWX_CA_FILE' : '';
  return `certificate verifies${via} (${seen.subject ?? 'no subject'}, issued by ${seen.issuer ?? 'unnamed'}, valid until ${day(seen.validTo)})`;
}

/** Pass, warn or fail for a completed handshake, by whether it verified and whether the gateway verifies at all. */
export function certificateOutcome(seen: CertificateCheck, url: URL, config: GatewayConfig): CheckOutcome {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const details = {
    verified: seen.verified, error: seen.error, subject: seen.subject, issuer: seen.issuer, altNames: seen.altNames,
    validTo: seen.validTo?.toISOString(), verification: config.insecureTls ? 'off' : 'on',
  };
  if (config.insecureTls) {
    const off = `verification is off (${config.sources.tls ?? 'AWX_INSECURE_TLS'})`;
    if (seen.verified) return { status: 'warn', message: `${off}, though the certificate would verify`, hint: `unset ${config.sources.tls}: nothing needs it`, details };
    return {
      status: 'warn',
      message: `${off}: the controller's identity is not checked, and ${certificateReason(seen, host)}`,
      hint: `${certificateFix(seen, host, config)}, then turn verification back on`,
      details,
    };
  }
  if (!seen.verified) {
    return { status: 'fail', message: certificateReason(seen, host), hint: `${certificateFix(seen, host, config)}; ${SKIP_VERIFICATION}`, details };
  }
  const daysLeft = seen.validTo ? Math.floor((seen.validTo.getTime() - Date.now()) / 86_400_000) : Infinity;
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return { status: 'warn', message: `${describe(seen, config)}, but expires in ${daysLeft} days`, hint: "renew the controller's certificate before then", details };
  }
  return { status: 'pass', message: describe(seen, config), details };
}
