// Names and dummy credentials shared by the local services and the env they hand out.
export const REGION = 'eu-west-1';
/** Any key works locally; s3rver only needs it registered (see s3.ts). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const TABLE_NAME = 'portico';
export const BUCKET_NAME = 'portico-data';
export const STUDIO_POOL_NAME = 'portico-studio';
export const CLIENT_POOL_NAME = 'portico-client';
