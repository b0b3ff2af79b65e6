// Checks a Cognito token the way API Gateway's JWT authorizer does (kid + RSA signature against the
// pool's JWKS, iss, aud or client_id, exp, nbf, iat) plus Cognito's token_use, and hands back the
// claims as API Gateway puts them in requestContext.authorizer.jwt.claims: every value a string.
// The HTTP API has its authorizer in front; the live socket's $connect calls this itself, and the
// local stack's stand-in for the HTTP API authorizer is this very code, so all three agree.
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { config } from '../config.ts';

export type Claims = Record<string, string>;
export type TokenVerifier = (authorizationHeader: string | undefined) => Promise<Claims | null>;

export interface TokenIssuer {
  issuer: string;
  jwksUri: string;
  clientId: string;
}

// aws-jwt-verify's own fetcher speaks HTTPS only; cognito-local serves its JWKS over plain HTTP.
const anyFetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const res = await fetch(uri);
    if (!res.ok) throw new Error(`JWKS fetch ${uri} answered ${res.status}`);
    return res.arrayBuffer();
  },
};

export function createTokenVerifier(pool: TokenIssuer): TokenVerifier {
  // JwtVerifier is the generic (non-Cognito) verifier; JwtRsaVerifier is its deprecated alias in v5.
  const verifier = JwtVerifier.create(
    {
      issuer: pool.issuer,
      jwksUri: pool.jwksUri,
      // Checked below instead: API Gateway accepts aud OR (when aud is absent) client_id.
      audience: null,
      customJwtCheck: ({ payload }) => checkClaims(payload, pool.clientId),
    },
    pool.jwksUri.startsWith('http:') ? { jwksCache: new SimpleJwksCache({ fetcher: anyFetcher }) } : undefined,
  );
  return async (authorizationHeader) => {
    // API Gateway takes the bare token or "Bearer <token>".
    const token = authorizationHeader?.trim().replace(/^Bearer\s+/i, '');
    if (!token) return null;
    try {
      return toApiGatewayClaims(await verifier.verify(token));
    } catch {
      return null;
    }
  };
}

const verifiers = new Map<string, TokenVerifier>();

/** The verifier of one of the deployment's pools (configured from the environment, built once). */
export function poolTokenVerifier(side: 'studio' | 'client'): TokenVerifier {
  const poolId = side === 'studio' ? config.studioPoolId : config.clientPoolId;
  const clientId = side === 'studio' ? config.studioPoolClientId : config.clientPoolClientId;
  const issuer = `${config.cognitoIssuerBase}/${poolId}`;
  const id = `${issuer} ${clientId}`;
  let verifier = verifiers.get(id);
  if (!verifier) {
    verifier = createTokenVerifier({ issuer, jwksUri: `${issuer}/.well-known/jwks.json`, clientId });
    verifiers.set(id, verifier);
  }
  return verifier;
}

function checkClaims(payload: JwtPayload, clientId: string): void {
  const now = Date.now() / 1000;
  // aws-jwt-verify checks exp and nbf only when present; API Gateway requires exp.
  if (typeof payload.exp !== 'number') throw new Error('Token has no exp');
  if (typeof payload.iat === 'number' && payload.iat > now) throw new Error('Token issued in the future');
  if (payload.aud !== undefined) {
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(clientId)) throw new Error('Token aud does not match the app client');
  } else if (payload.client_id !== clientId) {
    throw new Error('Token client_id does not match the app client');
  }
  if (payload.token_use !== 'access' && payload.token_use !== 'id') throw new Error('Token is neither an access nor an id token');
}

/** API Gateway stringifies claims: numbers and booleans as text, arrays as "[a b]". */
function toApiGatewayClaims(payload: JwtPayload): Claims {
  const claims: Claims = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') claims[name] = value;
    else if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}
