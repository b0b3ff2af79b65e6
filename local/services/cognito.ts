// Cognito user pools as cognito-local, run as a child process. It keeps its config and data in
// ./.cognito relative to its working directory, so each data dir gets its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { adoptChild, collectOutput, deathWatcher, stopChild } from './child.ts';
import { CLIENT_POOL_NAME, LOCAL_CREDENTIALS, REGION, STUDIO_POOL_NAME } from './constants.ts';
import { assertPortFree, freePort, LOOPBACK, waitUntil } from './ports.ts';

export interface PoolInfo {
  poolId: string;
  clientId: string;
  /** `iss` of every token of this pool: `<endpoint>/<poolId>`. */
  issuer: string;
  jwksUri: string;
}

export interface CognitoService {
  readonly endpoint: string;
  pools: { studio: PoolInfo; client: PoolInfo };
  stop(): Promise<void>;
}

const START_SCRIPT = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');

export async function startCognito(opts: { port?: number; directory: string; verbose: boolean }): Promise<CognitoService> {
  const port = opts.port ?? (await freePort());
  const endpoint = `http://${LOOPBACK}:${port}`;
  await assertPortFree(port, 'cognito-local');

  await mkdir(join(opts.directory, '.cognito'), { recursive: true });
  // Rewritten on every start because the issuer follows the port. UsernameAttributes: cognito-local
  // defaults pools to ["email"] (email as username, uuid as the real username) even when
  // CreateUserPool leaves it out; Portico's pools use plain usernames. An empty array in this file
  // is the only way to override that default (lodash merge keeps ["email"] otherwise).
  const config = {
    TokenConfig: { IssuerDomain: endpoint },
    UserPoolDefaults: { UsernameAttributes: [] },
  };
  await writeFile(join(opts.directory, '.cognito', 'config.json'), `${JSON.stringify(config, null, 2)}\n`);

  const child: ChildProcess = spawn(process.execPath, [START_SCRIPT], {
    cwd: opts.directory,
    // PORT/HOST are read by cognito-local's server config; DEBUG would flood the output.
    env: { ...process.env, PORT: String(port), HOST: LOOPBACK, DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, as for DynamoDB Local (see dynamodb.ts); child.ts reaps it.
    detached: true,
  });
  const output = collectOutput(child, 'cognito', opts.verbose);
  const died = deathWatcher(child, 'cognito-local', output);
  adoptChild(child);

  try {
    await waitUntil(
      'cognito-local',
      async () => {
        const res = await fetch(`${endpoint}/health`);
        if (!res.ok) throw new Error(`health answered ${res.status}`);
      },
      { timeoutMs: 30_000, abort: died },
    );
    const idp = new CognitoIdentityProviderClient({ endpoint, region: REGION, credentials: LOCAL_CREDENTIALS });
    // One after the other: cognito-local keeps all app clients in one JSON file.
    const studio = await ensurePool(idp, STUDIO_POOL_NAME);
    const client = await ensurePool(idp, CLIENT_POOL_NAME);
    idp.destroy();
    const info = (ids: { poolId: string; clientId: string }): PoolInfo => ({
      ...ids,
      issuer: `${endpoint}/${ids.poolId}`,
      jwksUri: `${endpoint}/${ids.poolId}/.well-known/jwks.json`,
    });
    return { endpoint, pools: { studio: info(studio), client: info(client) }, stop: () => stopChild(child) };
  } catch (e) {
    await stopChild(child);
    throw e;
  }
}

/** Find-or-create by name, so a persistent data dir keeps its pool and client ids. */
async function ensurePool(idp: CognitoIdentityProviderClient, name: string): Promise<{ poolId: string; clientId: string }> {
  const { UserPools = [] } = await idp.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let poolId = UserPools.find((p) => p.Name === name)?.Id;
  if (!poolId) {
    const created = await idp.send(
      new CreateUserPoolCommand({
        PoolName: name,
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      }),
    );
    poolId = created.UserPool?.Id;
    if (!poolId) throw new Error(`cognito-local returned no id for pool ${name}`);
  }

  const clientName = `${name}-app`;
  const { UserPoolClients = [] } = await idp.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }));
  let clientId = UserPoolClients.find((c) => c.ClientName === clientName)?.ClientId;
  if (!clientId) {
    const created = await idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: clientName,
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 1,
        IdTokenValidity: 1,
        RefreshTokenValidity: 30,
        // cognito-local defaults the id token unit to minutes; spell every unit out.
        TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
        EnableTokenRevocation: true,
      }),
    );
    clientId = created.UserPoolClient?.ClientId;
    if (!clientId) throw new Error(`cognito-local returned no client id for pool ${name}`);
  }
  return { poolId, clientId };
}
