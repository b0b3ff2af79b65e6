// Tokens an attacker could hold: a copy of a real session token re-signed with another key
// (forged), or signed with the local Cognito's real key but already expired. Both carry the
// victim's exact claims, so only the signature or the expiry can refuse them.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function sign(claims: Record<string, unknown>, pem: string | Buffer | KeyObject): string {
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' })}.${encode(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(pem).toString('base64url')}`;
}

let cognitoLocalPem: string | undefined;

/** Signs with cognito-local's own private key: what its pools' JWKS verifies. */
export function signWithCognitoLocalKey(claims: Record<string, unknown>): string {
  if (cognitoLocalPem === undefined) {
    const keyFile = createRequire(import.meta.url).resolve('cognito-local/lib/keys/cognitoLocal.private.json');
    cognitoLocalPem = (JSON.parse(readFileSync(keyFile, 'utf8')) as { pem: string }).pem;
  }
  return sign(claims, cognitoLocalPem);
}

export const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

// Made once per test process: a 2048-bit key pair costs tens of milliseconds of CPU, and the
// isolation matrix forges hundreds of tokens. Nobody trusts it however many tokens it signs.
let untrustedKey: KeyObject | undefined;

/** The same claims, signed with a key nobody trusts (same kid, so only the signature differs). */
export function forgedCopy(token: string): string {
  untrustedKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return sign(claimsOf(token), untrustedKey);
}

/** The same claims, properly signed, expired an hour ago. */
export function expiredCopy(token: string): string {
  const now = Math.floor(Date.now() / 1000);
  return signWithCognitoLocalKey({ ...claimsOf(token), iat: now - 7200, auth_time: now - 7200, exp: now - 3600 });
}
