// A client's feedback to the studio: stored for the studio's inbox. Issue 12 turns each into a
// task for the project lead; until then the inbox is the dashboard's Overview.
import { randomUUID } from 'node:crypto';
import { limits } from '../../../config.ts';
import { consume, type Limit } from '../../../data/rate-limit.ts';
import type { PageRequest } from '../../../paging.ts';
import type { Client } from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';
import { putFeedback, queryFeedback } from '../data.ts';
import type { FeedbackRecord } from '../records.ts';

/** Messages one client may send per hour: a conversation, not a flood into the studio's inbox. */
const feedbackLimit = (): Limit => ({ bucket: 'feedback', max: limits.feedbackPerHour, windowSeconds: 3600 });

export const feedbackView = (f: FeedbackRecord) => ({
  feedbackId: f.feedbackId,
  clientId: f.clientId,
  clientName: f.clientName,
  message: f.message,
  createdAt: f.createdAt,
});

export async function sendFeedback(studio: Studio, client: Client, message: string) {
  await consume(feedbackLimit(), `${studio.studioId}#${client.clientId}`);
  const feedback: FeedbackRecord = {
    feedbackId: randomUUID(),
    studioId: studio.studioId,
    clientId: client.clientId,
    clientName: client.name,
    message,
    createdAt: new Date().toISOString(),
  };
  await putFeedback(feedback);
  return feedbackView(feedback);
}

/** The inbox reads without the entitlement: feedback sent before a downgrade stays readable. */
export async function listFeedback(studio: Studio, page: PageRequest) {
  const { items, nextCursor } = await queryFeedback(studio.studioId, page);
  return { feedback: items.map(feedbackView), nextCursor };
}
