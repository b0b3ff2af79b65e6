// The scheduled-job table: which Lambda runs on which schedule. Like the object-event table
// (shared/events.ts), it is the single source for the CDK (an EventBridge rule per entry, on its
// cron expression) and for the local stack, which runs each entry's handler on a timer
// (LOCAL_SCHEDULE_SECONDS). Each handler lives in functions/<feature>/<id>.ts and exports `handler`.
import { RELEASE_BUNDLE } from './features/releases/constants.ts';
import type { Grant } from './route-def.ts';

export interface ScheduleDef {
  id: string;
  /** The folder under shared/features/ (and functions/) the handler belongs to. */
  feature: string;
  /** An EventBridge cron expression (UTC): `cron(minutes hours day-of-month month day-of-week year)`. */
  cron: string;
  summary: string;
  grants: readonly Grant[];
  memorySize: number;
  timeoutSeconds: number;
  /** Files or folders (from the repository root) the handler reads at run time, copied into the bundle's root. */
  assets?: readonly string[];
}

export const schedules = {
  sendReviewReminders: {
    id: 'sendReviewReminders',
    feature: 'deliverables',
    // 07:00 UTC: the morning in Europe, before the working day in the Americas.
    cron: 'cron(0 7 * * ? *)',
    summary: 'Review reminder digest: one email a day per reviewer of what is due tomorrow or overdue and still undecided',
    grants: ['table:read', 'table:write', 'mail:send'],
    memorySize: 512,
    timeoutSeconds: 300,
  },
  sendMessageEmails: {
    id: 'sendMessageEmails',
    feature: 'notifications',
    // Every minute: a burst's email is due 5 minutes after its first unseen message, give or take one.
    cron: 'cron(* * * * ? *)',
    summary: 'Burst emails: one branded email per thread a person has left unseen for 5 minutes (the batching rule)',
    grants: ['table:read', 'table:write', 'mail:send'],
    memorySize: 512,
    timeoutSeconds: 60,
  },
  sendNotificationDigests: {
    id: 'sendNotificationDigests',
    feature: 'notifications',
    // 16:00 UTC: the afternoon in Europe, the morning in the Americas.
    cron: 'cron(0 16 * * ? *)',
    summary: 'Daily digest: one email a day of unread notifications to each person whose email mode is digest',
    grants: ['table:read', 'table:write', 'mail:send'],
    memorySize: 512,
    timeoutSeconds: 300,
  },
  notifyDeadlines: {
    id: 'notifyDeadlines',
    feature: 'deliverables',
    cron: 'cron(0 6 * * ? *)',
    summary: 'Deadline near: a note to the team and contacts of each review due within 2 days, once per item per day',
    grants: ['table:read', 'table:write', 'sockets:post'],
    memorySize: 512,
    timeoutSeconds: 300,
  },
  sendReleaseReminders: {
    id: 'sendReleaseReminders',
    feature: 'releases',
    // 09:00 UTC: the working morning in Europe, after the review reminders (07:00) have gone.
    cron: 'cron(0 9 * * ? *)',
    summary: "Release reminders: emails each signer whose turn it is and who has not signed, every release's remindEveryDays",
    grants: ['table:read', 'table:write', 'bucket:read', 'bucket:write', 'mail:send', 'seal:key'],
    // It also makes a seal a failed request left owed: the sealing routes' memory and fonts.
    memorySize: RELEASE_BUNDLE.memorySize,
    timeoutSeconds: 300,
    assets: RELEASE_BUNDLE.assets,
  },
  sendInvoiceReminders: {
    id: 'sendInvoiceReminders',
    feature: 'invoices',
    // 10:00 UTC: the working morning in Europe, after the release reminders (09:00).
    cron: 'cron(0 10 * * ? *)',
    summary: 'Overdue reminders: one email a day to the client of each sent invoice past its due date, until it is paid',
    grants: ['table:read', 'table:write', 'mail:send'],
    memorySize: 512,
    timeoutSeconds: 300,
  },
} as const satisfies Record<string, ScheduleDef>;

export const scheduleList: ScheduleDef[] = Object.values(schedules);
