// Tokens an attacker could hold: a copy of a real session token re-signed with another key
// (forged), or signed with the local Cognito's real key but already expired. Both carry the
// victim's exact claims, so only the signature or the expiry can refuse them.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function sign(claims: Record<string, unknown>, pem: string | Buffer): string {
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' })}.${encode(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(pem).toString('base64url')}`;
}

/** Signs with cognito-local's own private key: what its pools' JWKS verifies. */
export function signWithCognitoLocalKey(claims: Record<string, unknown>): string {
  const keyFile = createRequire(import.meta.url).resolve('cognito-local/lib/keys/cognitoLocal.private.json');
  const { pem } = JSON.parse(readFileSync(keyFile, 'utf8')) as { pem: string };
  return sign(claims, pem);
}

export const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

/** The same claims, signed with a key nobody trusts (same kid, so only the signature differs). */
export function forgedCopy(token: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return sign(claimsOf(token), privateKey.export({ type: 'pkcs8', format: 'pem' }));
}

/** The same claims, properly signed, expired an hour ago. */
export function expiredCopy(token: string): string {
  const now = Math.floor(Date.now() / 1000);
  return signWithCognitoLocalKey({ ...claimsOf(token), iat: now - 7200, auth_time: now - 7200, exp: now - 3600 });
}
