// Secrets Manager's GetSecretValue (the origin secret, shared/http/origin.ts; the seal key) and
// PutSecretValue (the seal key's generator at deploy time). The client is made on
// first use; AWS_ENDPOINT_URL_SECRETS_MANAGER points it at the local stand-in, like every SDK client.
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

let client: { endpoint: string | undefined; sdk: SecretsManagerClient } | undefined;
/** One client per container (made again only if the endpoint variable changes, as tests do). */
function secretsManager(): SecretsManagerClient {
  const endpoint = process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER;
  if (client === undefined || client.endpoint !== endpoint) client = { endpoint, sdk: new SecretsManagerClient({}) };
  return client.sdk;
}

/** The secret's string at `stage`, or undefined when no version carries that label (e.g. AWSPREVIOUS before a first rotation). */
export async function getSecretString(secretId: string, stage: string): Promise<string | undefined> {
  try {
    const out = await secretsManager().send(new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage }));
    return out.SecretString;
  } catch (e) {
    if (e instanceof ResourceNotFoundException) return undefined;
    throw e;
  }
}

/** Puts a new version of the secret: it becomes AWSCURRENT, the one before it AWSPREVIOUS. */
export async function putSecretString(secretId: string, value: string): Promise<void> {
  await secretsManager().send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value }));
}
