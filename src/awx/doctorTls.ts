/**
 * The connection doctor's look at the controller's certificate: one TLS handshake that records, instead of
 * refusing, whether the certificate verifies against the gateway's trust (AWX_CA_FILE, else Node's CAs) and
 * the host name, and why not.
 */
import { isIP } from 'node:net';
import { connect, type PeerCertificate } from 'node:tls';
import { connectionFailure, errorCode, type ConnectionFailure } from './doctorNetwork.js';

/** The controller's certificate as the handshake saw it. */
export interface CertificateCheck {
  handshake: true;
  /** The chain and the host name verify. */
  verified: boolean;
  /** Why not, as Node/OpenSSL name it: DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, … */
  error?: string;
  subject?: string;
  issuer?: string;
  /** The names it is valid for (`DNS:awx.example.com, IP Address:10.0.0.5`). */
  altNames?: string;
  validFrom?: Date;
  validTo?: Date;
}

/** The handshake did not complete. */
export interface HandshakeFailure {
  handshake: false;
  failure: ConnectionFailure;
  code: string;
}

function commonName(name: PeerCertificate['subject'] | undefined): string | undefined {
  const cn = name?.CN ?? name?.O;
  return Array.isArray(cn) ? cn.join(', ') : cn;
}

function facts(certificate: PeerCertificate, authorized: boolean, error: unknown): CertificateCheck {
  const date = (text: string | undefined) => (text ? new Date(text) : undefined);
  return {
    handshake: true,
    verified: authorized,
    // Node's typings say Error; at run time it is the verification code (a string).
    error: authorized ? undefined : String((error as { code?: string } | null)?.code ?? error ?? 'unknown'),
    subject: commonName(certificate.subject),
    issuer: commonName(certificate.issuer),
    altNames: certificate.subjectaltname,
    validFrom: date(certificate.valid_from),
    validTo: date(certificate.valid_to),
  };
}

/** Shakes hands with the base URL's host and port (443 by default) and reports on its certificate. */
export function checkCertificate(baseUrl: URL, options: { ca?: Buffer; timeoutMs: number }): Promise<CertificateCheck | HandshakeFailure> {
  const host = baseUrl.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({
      host,
      port: Number(baseUrl.port || 443),
      // SNI takes names only; with an IP address the certificate must name the address itself.
      servername: isIP(host) ? undefined : host,
      ca: options.ca,
      // Verification is recorded (socket.authorized, authorizationError) rather than enforced, to say why it fails.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    let done = false;
    const finish = (result: CertificateCheck | HandshakeFailure) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(options.timeoutMs, () => finish({ handshake: false, failure: 'timeout', code: 'ETIMEDOUT' }));
    socket.once('secureConnect', () => finish(facts(socket.getPeerCertificate(), socket.authorized, socket.authorizationError)));
    // `on`, not `once`: an error after the verdict must still find a listener.
    socket.on('error', (error) => {
      const code = errorCode(error);
      finish({ handshake: false, failure: connectionFailure(code), code });
    });
  });
}
