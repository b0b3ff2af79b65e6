// The local stand-in for API Gateway's HTTP API JWT authorizer, pointed at a cognito-local pool.
// It checks what API Gateway checks (kid + RSA signature against the JWKS, iss, aud/client_id,
// exp, nbf, iat) plus Cognito's token_use, and hands back the claims the way API Gateway puts
// them in requestContext.authorizer.jwt.claims: every value a string.
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { PoolInfo } from './cognito.ts';

export type JwtAuthorizer = (authorizationHeader: string | undefined) => Promise<Record<string, string> | null>;

// aws-jwt-verify's own fetcher speaks HTTPS only; cognito-local serves its JWKS over plain HTTP.
const httpFetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const res = await fetch(uri);
    if (!res.ok) throw new Error(`JWKS fetch ${uri} answered ${res.status}`);
    return res.arrayBuffer();
  },
};

export function createJwtAuthorizer(pool: PoolInfo): JwtAuthorizer {
  // JwtVerifier is the generic (non-Cognito) verifier; JwtRsaVerifier is its deprecated alias in v5.
  const verifier = JwtVerifier.create(
    {
      issuer: pool.issuer,
      jwksUri: pool.jwksUri,
      // Checked below instead: API Gateway accepts aud OR (when aud is absent) client_id.
      audience: null,
      customJwtCheck: ({ payload }) => checkClaims(payload, pool.clientId),
    },
    { jwksCache: new SimpleJwksCache({ fetcher: httpFetcher }) },
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
function toApiGatewayClaims(payload: JwtPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') claims[name] = value;
    else if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}
