// Feedback a client sends the studio from the portal (the Feedback module, Growth and up). It lives
// in the studio's partition, newest first: the studio reads it as an inbox.
import type { FeatureRecords } from '../../data/records.ts';

export interface FeedbackRecord {
  feedbackId: string;
  studioId: string;
  clientId: string;
  clientName: string;
  message: string;
  createdAt: string;
}

/** Sorts newest first in key order: milliseconds counted down from the year 2286. */
const newestFirst = (createdAt: string) => String(9_999_999_999_999 - Date.parse(createdAt)).padStart(13, '0');

export const keys = {
  feedback: (studioId: string, createdAt: string, feedbackId: string) => ({
    PK: `STUDIO#${studioId}`,
    SK: `FEEDBACK#${newestFirst(createdAt)}#${feedbackId}`,
  }),
  feedbackOfStudio: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SKPrefix: 'FEEDBACK#' }),
} as const;

export const records: FeatureRecords = {
  feature: 'feedback',
  rows: [{ record: 'Client feedback', PK: 'STUDIO#<studioId>', SK: 'FEEDBACK#<13-digit countdown of ms>#<feedbackId>' }],
  accessPatterns: ["A studio's feedback inbox, newest first: Query PK = STUDIO#<studioId>, SK begins_with FEEDBACK#, paged."],
};
