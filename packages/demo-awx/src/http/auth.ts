import type { Caller, DemoData } from '../types.js';

/** Resolves `Authorization: Bearer <token>` or `Basic base64(user:password)` to a demo account. */
export function authenticate(data: DemoData, header: string | undefined): Caller | null {
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header ?? '');
  if (!match) return null;
  const [, scheme = '', credential = ''] = match;
  if (scheme.toLowerCase() === 'bearer') {
    const token = data.tokens.find((candidate) => candidate.token === credential);
    const account = token && data.accounts.find((candidate) => candidate.id === token.userId);
    return token && account ? { account, scope: token.scope } : null;
  }
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const [username, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const account = data.accounts.find((candidate) => candidate.username === username && candidate.password === password);
    return account ? { account, scope: 'write' } : null;
  }
  return null;
}
