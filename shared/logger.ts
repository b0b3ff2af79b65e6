import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs; Lambda's log level and the service name come from the environment. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'portico' });
