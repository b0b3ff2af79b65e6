// The local stand-in for API Gateway's HTTP API JWT authorizer, pointed at a cognito-local pool:
// the same checks the live socket's $connect makes (shared/adapters/tokens.ts), claims handed back
// the way API Gateway puts them in requestContext.authorizer.jwt.claims.
import { createTokenVerifier, type TokenVerifier } from '../../shared/adapters/tokens.ts';
import type { PoolInfo } from './cognito.ts';

export type JwtAuthorizer = TokenVerifier;

export function createJwtAuthorizer(pool: PoolInfo): JwtAuthorizer {
  return createTokenVerifier(pool);
}
