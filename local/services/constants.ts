// Names and dummy credentials shared by the local services and the env they hand out.
export const REGION = 'eu-west-1';
/** Any key works locally; s3rver only needs it registered (see s3.ts). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const TABLE_NAME = 'portico';
export const BUCKET_NAME = 'portico-data';
export const STUDIO_POOL_NAME = 'portico-studio';
export const CLIENT_POOL_NAME = 'portico-client';

/**
 * s3rver signs ListObjectsV2 continuation tokens (any listing of more than 1,000 objects) with DES,
 * which OpenSSL 3 keeps in its legacy provider: the process that runs s3rver needs this flag.
 */
export const S3RVER_NODE_FLAGS = ['--openssl-legacy-provider'] as const;
