// Fan-out: an event to every open socket of each recipient. Best effort by design: the event is
// already stored where the page reads it (a thread, the notifications), so a socket that misses it
// catches up by sequence number; a failure here never fails the write that caused it.
import { closeConnection, postToConnection } from '../../../adapters/sockets.ts';
import { logger } from '../../../logger.ts';
import type { PersonKey } from '../../people/index.ts';
import type { LiveEvent } from '../constants.ts';
import { connectionsOf, deleteConnection, studioConnections } from '../data.ts';

export interface Delivery {
  sent: number;
  gone: number;
}

/** One event to every open socket of each recipient. */
export function publish(studioId: string, recipients: readonly PersonKey[], event: LiveEvent): Promise<Delivery> {
  return publishEach(studioId, new Map(recipients.map((person) => [person, event])));
}

/**
 * Each recipient's own event (e.g. their unread count) to their open sockets: one read of the
 * studio's open sockets for all of them, then one PostToConnection per socket, all at once.
 */
export async function publishEach(studioId: string, events: ReadonlyMap<PersonKey, LiveEvent>): Promise<Delivery> {
  const delivery: Delivery = { sent: 0, gone: 0 };
  if (events.size === 0) return delivery;
  let open: Awaited<ReturnType<typeof studioConnections>>;
  try {
    open = await studioConnections(studioId);
  } catch (error) {
    logger.warn('live fan-out could not read the open sockets', { error: error as Error });
    return delivery;
  }
  const payloads = new Map<LiveEvent, string>();
  const payloadOf = (event: LiveEvent) => {
    const known = payloads.get(event);
    if (known !== undefined) return known;
    const data = JSON.stringify(event);
    payloads.set(event, data);
    return data;
  };
  await Promise.all(
    open.map(async ({ connectionId, person }) => {
      const event = events.get(person);
      if (!event) return;
      // One slow or gone connection does not hold up the others.
      const outcome = await postToConnection(connectionId, payloadOf(event)).catch((error) => {
        logger.warn('live send failed', { error: error as Error, type: event.type });
        return 'failed' as const;
      });
      if (outcome === 'sent') delivery.sent++;
      else if (outcome === 'gone') {
        delivery.gone++;
        await deleteConnection(connectionId).catch(() => undefined);
      }
    }),
  );
  return delivery;
}

/** Closes every open socket of a person (removed from the studio or the project's portal). */
export async function disconnectPerson(studioId: string, person: PersonKey, reason: string): Promise<number> {
  const ids = await connectionsOf(studioId, person);
  const goodbye = JSON.stringify({ type: 'goodbye', reason } satisfies LiveEvent);
  await Promise.all(
    ids.map(async (connectionId) => {
      await postToConnection(connectionId, goodbye).catch(() => 'gone');
      await closeConnection(connectionId).catch((error) => logger.warn('closing a socket failed', { error: error as Error }));
      await deleteConnection(connectionId);
    }),
  );
  return ids.length;
}
