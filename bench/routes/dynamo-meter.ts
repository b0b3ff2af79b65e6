// Watches the handlers' DynamoDB client (shared/data/db.ts) from the bench process: asks DynamoDB
// for ConsumedCapacity on every command, counts the requests and capacity of one call at a time,
// and records the low-level commands so the same calls can be replayed directly with the SDK.
import * as dynamodb from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface RecordedCommand {
  /** Low-level command class, e.g. GetItemCommand (what the document client sends underneath). */
  name: string;
  /** The marshalled input exactly as it went to DynamoDB. */
  input: Record<string, unknown>;
  startedAt: number;
  endedAt: number;
  /** Capacity DynamoDB reported for it; null when the response carried none. */
  capacity: { read: number; write: number } | null;
  error?: string;
}

type CapacityEntry = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

/**
 * DynamoDB reports a read or a write as CapacityUnits (and sometimes split into Read/Write);
 * transactions and batches return one entry per table. AWS bills a transactional read or write at
 * twice the standard units (2 WRU per KB written); DynamoDB Local reports transactions at the
 * standard rate, so they are doubled here.
 */
export const TRANSACTION_FACTOR = 2;

function capacityOf(commandName: string, output: unknown): { read: number; write: number } | null {
  const consumed = (output as { ConsumedCapacity?: CapacityEntry | CapacityEntry[] } | undefined)?.ConsumedCapacity;
  if (consumed === undefined) return null;
  const entries = Array.isArray(consumed) ? consumed : [consumed];
  let read = 0;
  let write = 0;
  const writes = /^(Put|Update|Delete|BatchWrite|TransactWrite)/.test(commandName);
  for (const e of entries) {
    if (e.ReadCapacityUnits !== undefined || e.WriteCapacityUnits !== undefined) {
      read += e.ReadCapacityUnits ?? 0;
      write += e.WriteCapacityUnits ?? 0;
    } else if (writes) write += e.CapacityUnits ?? 0;
    else read += e.CapacityUnits ?? 0;
  }
  const factor = commandName.startsWith('Transact') ? TRANSACTION_FACTOR : 1;
  return { read: read * factor, write: write * factor };
}

export interface DynamoMeter {
  /** Runs `call` with recording on and returns what it sent. Nothing else may use the table meanwhile. */
  record<T>(call: () => Promise<T>): Promise<{ result: T; commands: RecordedCommand[] }>;
  /** Operations whose responses never carried ConsumedCapacity (so the figures for them are missing). */
  withoutCapacity: Set<string>;
}

export function installDynamoMeter(client: DynamoDBDocumentClient): DynamoMeter {
  let recording: RecordedCommand[] | null = null;
  const withoutCapacity = new Set<string>();

  // Before marshalling: the document client keeps top-level fields as they are.
  client.middlewareStack.add(
    (next) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity ??= 'TOTAL';
      return next(args);
    },
    { step: 'initialize', name: 'benchReturnConsumedCapacity' },
  );
  // After serializing: the input is the marshalled one, sent once per logical request (retries
  // happen further down the stack, in finalizeRequest).
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const target = recording;
      if (!target) return next(args);
      const entry: RecordedCommand = {
        name: context.commandName ?? 'unknown',
        input: structuredClone(args.input as Record<string, unknown>),
        startedAt: performance.now(),
        endedAt: 0,
        capacity: null,
      };
      target.push(entry);
      try {
        const out = await next(args);
        entry.capacity = capacityOf(entry.name, out.output);
        if (!entry.capacity) withoutCapacity.add(entry.name);
        return out;
      } catch (e) {
        // A refused condition still costs capacity; DynamoDB reports it on the error.
        entry.error = (e as Error).name;
        entry.capacity = capacityOf(entry.name, e);
        throw e;
      } finally {
        entry.endedAt = performance.now();
      }
    },
    { step: 'build', name: 'benchRecorder' },
  );

  return {
    withoutCapacity,
    async record(call) {
      const commands: RecordedCommand[] = [];
      recording = commands;
      try {
        return { result: await call(), commands };
      } finally {
        recording = null;
      }
    },
  };
}

export function totals(commands: readonly RecordedCommand[]): { requests: number; read: number; write: number; unmetered: number } {
  let read = 0;
  let write = 0;
  let unmetered = 0;
  for (const c of commands) {
    if (c.capacity) {
      read += c.capacity.read;
      write += c.capacity.write;
    } else unmetered++;
  }
  return { requests: commands.length, read, write, unmetered };
}

/**
 * The handler's calls as waves: commands that overlapped in time were sent concurrently
 * (Promise.all in the handler) and are replayed concurrently; waves run one after another.
 */
export function waves(commands: readonly RecordedCommand[]): RecordedCommand[][] {
  const sorted = [...commands].sort((a, b) => a.startedAt - b.startedAt);
  const out: RecordedCommand[][] = [];
  let current: RecordedCommand[] = [];
  let currentEnd = Number.NEGATIVE_INFINITY;
  for (const c of sorted) {
    if (current.length > 0 && c.startedAt >= currentEnd) {
      out.push(current);
      current = [];
      currentEnd = Number.NEGATIVE_INFINITY;
    }
    current.push(c);
    currentEnd = Math.max(currentEnd, c.endedAt);
  }
  if (current.length > 0) out.push(current);
  return out;
}

type CommandClass = new (input: Record<string, unknown>) => object;

/** Sends one recorded call again, directly with the low-level SDK client. Refused conditions count as answered. */
export async function replay(client: dynamodb.DynamoDBClient, call: readonly RecordedCommand[][]): Promise<void> {
  for (const wave of call) {
    await Promise.all(
      wave.map(async (c) => {
        const Command = (dynamodb as unknown as Record<string, CommandClass>)[c.name];
        if (!Command) throw new Error(`Cannot replay ${c.name}`);
        try {
          await client.send(new Command(c.input) as never);
        } catch (e) {
          // The replay of a conditional write usually meets its own earlier effect: DynamoDB still
          // evaluated it, which is the round trip the floor is about.
          const name = (e as Error).name;
          if (name !== 'ConditionalCheckFailedException' && name !== 'TransactionCanceledException') throw e;
        }
      }),
    );
  }
}
