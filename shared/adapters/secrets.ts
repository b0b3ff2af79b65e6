// Secrets Manager's GetSecretValue, as one signed JSON request (AWS's own SigV4 signer, the
// function's credentials from its environment, as Lambda provides them). The one read Portico
// needs does not warrant another SDK client in every bundle. AWS_ENDPOINT_URL_SECRETS_MANAGER
// points it elsewhere, like the SDK's clients.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, SourceData } from '@smithy/types';

const bytes = (data: SourceData): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** Node's SHA-256 and HMAC-SHA-256 as the signer's hash (what @smithy/hash-node does). */
class Sha256 implements Checksum {
  private hash: Hash | Hmac;
  private readonly secret: SourceData | undefined;
  constructor(secret?: SourceData) {
    this.secret = secret;
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** The secret's string at `stage`, or undefined when no version carries that label (e.g. AWSPREVIOUS before a first rotation). */
export async function getSecretString(secretId: string, stage: string): Promise<string | undefined> {
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const endpoint = new URL(process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER ?? `https://secretsmanager.${region}.amazonaws.com`);
  const body = JSON.stringify({ SecretId: secretId, VersionStage: stage });
  const signer = new SignatureV4({ service: 'secretsmanager', region, credentials: fromEnv(), sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: endpoint.pathname,
    headers: {
      host: endpoint.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'secretsmanager.GetSecretValue',
    },
    body,
  });
  let res: Response;
  try {
    res = await fetch(endpoint, { method: 'POST', headers: signed.headers, body });
  } catch (e) {
    // The network, not the caller: retryable, as the SDK marks it.
    throw Object.assign(new Error(`GetSecretValue ${stage}: ${(e as Error).message}`, { cause: e }), { $retryable: {} });
  }
  const answer = (await res.json().catch(() => ({}))) as { SecretString?: string; __type?: string; message?: string };
  if (res.ok) return answer.SecretString;
  const type = String(answer.__type ?? '')
    .split('#')
    .pop();
  if (res.status === 400 && type === 'ResourceNotFoundException') return undefined;
  // Shaped like an SDK error, so the wrapper tells a throttled or failing service (a 503 to retry) from a bug.
  const error = new Error(`GetSecretValue ${stage}: ${res.status} ${type ?? ''} ${answer.message ?? ''}`.trim());
  Object.assign(error, { name: type || 'SecretsManagerError', $metadata: { httpStatusCode: res.status } });
  throw error;
}
