// The header CloudFront adds to every request it forwards to the API (infra/stacks/edge-stack.ts),
// holding a secret from Secrets Manager. The handler wrapper refuses a request without it
// (shared/http/origin.ts), so the HTTP API's own execute-api endpoint, reachable by anyone, answers
// nothing: every request goes through CloudFront, its functions and its header policy.
export const ORIGIN_SECRET_HEADER = 'x-portico-origin-secret';

/** Secrets Manager's staging labels the API accepts: the value CloudFront sends, and the one before it. */
export const ACCEPTED_STAGES = ['AWSCURRENT', 'AWSPREVIOUS'] as const;
