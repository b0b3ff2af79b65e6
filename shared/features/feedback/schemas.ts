// What the API takes and says about feedback.
import * as z from 'zod/mini';
import { named, Text } from '../../schemas.ts';
import { FEEDBACK_MAX } from './constants.ts';

export const FeedbackBody = z.strictObject({ message: Text(1, FEEDBACK_MAX) });

export const Feedback = named(
  z.object({ feedbackId: z.string(), clientId: z.string(), clientName: z.string(), message: z.string(), createdAt: z.string() }),
  'Feedback',
);
