/** The connection doctor's pure parts: certificate verdicts by error code, failure kinds, options, masking, colours. */
import { describe, expect, it } from 'vitest';
import { connectionFailure } from '../src/awx/doctorNetwork.js';
import type { CertificateCheck } from '../src/awx/doctorTls.js';
import { loadConfig } from '../src/config.js';
import { certificateOutcome } from '../src/doctor/certificate.js';
import { doctorCommand, parseDoctorArgs, secretsOf, UsageError } from '../src/doctor/command.js';
import { formatText, redact } from '../src/doctor/report.js';

const URL_ = new URL('https://awx.example.com');
const config = (env: Record<string, string> = {}) => loadConfig({ AWX_URL: URL_.href, ...env });
const seen = (error: string | undefined, extra: Partial<CertificateCheck> = {}): CertificateCheck => ({
  handshake: true, verified: error === undefined, error, subject: 'awx.example.com', issuer: 'Corp Issuing CA 2',
  altNames: 'DNS:awx.example.com', validFrom: new Date('2024-01-01T00:00:00Z'), validTo: new Date('2099-01-01T00:00:00Z'), ...extra,
});

describe('the TLS verdict, from the verification code', () => {
  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'the certificate is self-signed', 'set AWX_CA_FILE=<ca.pem>'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'the certificate is issued by an unknown CA (Corp Issuing CA 2)', 'set AWX_CA_FILE=<ca.pem>'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'does not send its intermediate certificates', 'set AWX_CA_FILE=<ca.pem>'],
    ['CERT_HAS_EXPIRED', 'the certificate expired on 2024-06-01', "renew the controller's certificate"],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'the certificate is not for awx.example.com (it is for DNS:awx.internal)', 'use a host name the certificate names in AWX_URL'],
  ])('%s fails with its reason and fix', (code, reason, fix) => {
    const outcome = certificateOutcome(seen(code, { validTo: new Date('2024-06-01T00:00:00Z'), altNames: 'DNS:awx.internal' }), URL_, config());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(reason);
    expect(outcome.hint).toContain(fix);
    expect(outcome.hint).toContain('CONTROLLER_VERIFY_SSL=false / AWX_INSECURE_TLS=true skips verification at your own risk');
  });

  it('says when AWX_CA_FILE holds the wrong CA', () => {
    const outcome = certificateOutcome(seen('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), URL_, { ...config(), caFile: '/etc/ca.pem' });
    expect(outcome.hint).toMatch(/^AWX_CA_FILE is set but does not hold the CA that signed the certificate \(Corp Issuing CA 2\)/);
  });

  it('warns about a certificate that expires within two weeks, and about verification off', () => {
    const soon = certificateOutcome(seen(undefined, { validTo: new Date(Date.now() + 3 * 86_400_000) }), URL_, config());
    expect(soon).toMatchObject({ status: 'warn', hint: "renew the controller's certificate before then" });
    const off = certificateOutcome(seen(undefined), URL_, config({ AWX_INSECURE_TLS: 'true' }));
    expect(off).toMatchObject({ status: 'warn', message: 'verification is off (AWX_INSECURE_TLS), though the certificate would verify' });
  });
});

describe('connection failures', () => {
  it.each([
    ['ECONNREFUSED', 'refused'], ['ENOTFOUND', 'dns'], ['EAI_AGAIN', 'dns'], ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['TimeoutError', 'timeout'], ['EHOSTUNREACH', 'unreachable'], ['EPROTO', 'tls-handshake'], ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls-handshake'],
    ['UND_ERR_SOCKET', 'reset'], ['EWHATEVER', 'other'],
  ])('%s is %s', (code, kind) => {
    expect(connectionFailure(code)).toBe(kind);
  });
});

describe('the doctor command line', () => {
  it('reads --json, --token <t>, --token=<t> and --authorization', () => {
    expect(parseDoctorArgs(['--json', '--token', 't0k3n'])).toEqual({ json: true, help: false, token: 't0k3n' });
    expect(parseDoctorArgs(['--token=t0k3n'])).toMatchObject({ token: 't0k3n' });
    expect(parseDoctorArgs(['--authorization', 'Basic YTpi'])).toMatchObject({ authorization: 'Basic YTpi' });
  });

  it.each([
    [['--token'], '--token needs a value'],
    [['--token', 'a', '--authorization', 'Bearer b'], 'give --token or --authorization, not both'],
    [['--authorization', 'secret-without-scheme'], "--authorization must look like 'Bearer <token>' or 'Basic <base64>'"],
    [['--tokn=secret-value'], 'unknown option --tokn'],
    [['secret-value'], 'unexpected argument: the doctor takes options only'],
  ])('refuses %j without repeating the values given', (args, message) => {
    expect(() => parseDoctorArgs(args)).toThrow(new UsageError(message));
  });

  it('exits 2 on a usage error', async () => {
    let text = '';
    const write = (chunk: string) => void (text += chunk);
    expect(await doctorCommand(['--tokn=secret-value'], { env: {}, stdout: { write }, stderr: { write } })).toBe(2);
    expect(text).toMatch(/^awx-graphql doctor: unknown option --tokn\n\nUsage: awx-graphql doctor/);
    expect(text).not.toContain('secret-value');
  });
});

describe('the report', () => {
  it('masks every configured or given secret, also JSON-escaped, and the Basic header of a user', () => {
    const env = { AWX_TOKEN: 'tok"en-1', CONTROLLER_USERNAME: 'svc', CONTROLLER_PASSWORD: 'pa55word' };
    const secrets = secretsOf(env, { authorization: `Basic ${Buffer.from('bob:bob-secret').toString('base64')}` });
    const text = `tok"en-1 ${JSON.stringify('tok"en-1')} pa55word ${Buffer.from('svc:pa55word').toString('base64')} bob-secret svc abc`;
    expect(redact(text, secrets)).toBe('*** "***" *** *** *** svc abc');
  });

  it('colours only the marks, and only when asked', () => {
    const report = { ok: true, exitCode: 0, checks: [{ id: 'version' as const, title: 'version', status: 'pass' as const, message: '24.6.1' }] };
    expect(formatText(report, { colour: false })).toBe('✔ version  24.6.1\nOK: 1 passed\n');
    expect(formatText(report, { colour: true })).toBe('\x1b[32m✔\x1b[0m version  24.6.1\nOK: 1 passed\n');
  });
});
