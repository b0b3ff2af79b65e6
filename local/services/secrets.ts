// A stand-in for the slice of Secrets Manager Portico uses: GetSecretValue by staging label, and a
// put that moves AWSCURRENT to the new value and AWSPREVIOUS to the old one, as PutSecretValue does.
// The local stack needs none of it (no origin secret is required locally); tests that put the API
// behind an origin secret, as CDK does in AWS, start one (test/integration/origin-secret.test.ts).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REGION } from './constants.ts';

interface Version {
  id: string;
  value: string;
  stages: string[];
}

export interface LocalSecrets {
  /** For AWS_ENDPOINT_URL_SECRETS_MANAGER. */
  endpoint: string;
  /** Creates (or replaces) a secret with one AWSCURRENT version; returns its ARN. */
  create(name: string, value: string): string;
  /** PutSecretValue: the new value is AWSCURRENT, the one before it AWSPREVIOUS, older ones unlabelled. */
  put(name: string, value: string): void;
  /** GetSecretValue calls answered, by staging label. */
  reads: Record<string, number>;
  stop(): Promise<void>;
}

export async function startLocalSecrets(): Promise<LocalSecrets> {
  const secrets = new Map<string, Version[]>();
  const arnOf = (name: string) => `arn:aws:secretsmanager:${REGION}:000000000000:secret:${name}-AbCdEf`;
  const find = (id: string) => secrets.get(id) ?? [...secrets].find(([name]) => arnOf(name) === id)?.[1];
  const reads: Record<string, number> = {};

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(body));
      };
      if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential=')) {
        return send(400, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
      }
      if (req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') {
        return send(400, { __type: 'UnknownOperationException', message: 'Not supported locally' });
      }
      const { SecretId, VersionStage = 'AWSCURRENT' } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      reads[VersionStage] = (reads[VersionStage] ?? 0) + 1;
      const version = find(String(SecretId))?.find((v) => v.stages.includes(VersionStage));
      if (!version) {
        return send(400, {
          __type: 'ResourceNotFoundException',
          message: `Secrets Manager can't find the specified secret value for staging label: ${VersionStage}`,
        });
      }
      send(200, { ARN: arnOf(String(SecretId)), VersionId: version.id, SecretString: version.value, VersionStages: version.stages });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    reads,
    create(name, value) {
      secrets.set(name, [{ id: randomUUID(), value, stages: ['AWSCURRENT'] }]);
      return arnOf(name);
    },
    put(name, value) {
      const versions = secrets.get(name);
      if (!versions) throw new Error(`No secret ${name}`);
      for (const v of versions) {
        if (v.stages.includes('AWSPREVIOUS')) v.stages = v.stages.filter((s) => s !== 'AWSPREVIOUS');
        if (v.stages.includes('AWSCURRENT')) v.stages = ['AWSPREVIOUS'];
      }
      versions.push({ id: randomUUID(), value, stages: ['AWSCURRENT'] });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
