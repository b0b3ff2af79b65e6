import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { createGetPresigner } from '../../shared/adapters/presign.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const keys = ['derived/s1/g1/i1/thumb.webp', 'derived/a b/ü/(1)!*.webp', 'originals/x/IMG 0001 (copy).JPG'];

describe('the fast GET presigner', () => {
  for (const [name, client, bucket] of [
    ['AWS, virtual-hosted', new S3Client({ region: 'eu-west-1', credentials }), 'portico-data-123456789012-eu-west-1'],
    ['AWS, a bucket name S3 addresses by path', new S3Client({ region: 'us-east-1', credentials }), 'Portico_Data'],
    [
      'local s3rver, path-style',
      new S3Client({ region: 'eu-west-1', credentials, endpoint: 'http://127.0.0.1:4569', forcePathStyle: true }),
      'portico',
    ],
    [
      // As shared/adapters/storage.ts configures it.
      'checksums only when required',
      new S3Client({ region: 'eu-west-1', credentials, requestChecksumCalculation: 'WHEN_REQUIRED' }),
      'portico-data-123456789012-eu-west-1',
    ],
  ] as const) {
    it(`signs exactly what getSignedUrl signs (${name})`, async () => {
      const presign = createGetPresigner(client, bucket);
      const signingDate = new Date('2026-12-01T17:00:00Z');
      for (const key of keys) {
        const expected = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 7200, signingDate });
        expect(await presign(key, { expiresIn: 7200, signingDate })).toBe(expected);
      }
    });
  }
});
