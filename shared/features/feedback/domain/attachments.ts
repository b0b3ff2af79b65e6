// Files a client attaches to their feedback: a ticket for each (allowed types, one PUT, within the
// contact's hourly bytes), then, when the feedback is sent, each named file is held to what the
// bucket has under the contact's own key. The team and the sender download them by a short link.
import { randomUUID } from 'node:crypto';
import { presignGet } from '../../../adapters/storage.ts';
import { limits } from '../../../config.ts';
import { objects } from '../../../data/objects.ts';
import { consume, type Limit } from '../../../data/rate-limit.ts';
import { invalid, notFound } from '../../../errors.ts';
import type { Client } from '../../clients/index.ts';
import { mayClientUploadType } from '../../files/index.ts';
import { projectForClient } from '../../projects/index.ts';
import type { Studio } from '../../studios/index.ts';
import { cleanFileName, finishObjectUpload, objectTicket, ticketMismatch } from '../../uploads/index.ts';
import type { TaskAttachment, TaskRecord } from '../records.ts';
import type { AttachmentBody } from '../schemas.ts';

type ClientSession = { studio: Studio; client: Client };

/** How long a download link works. */
const DOWNLOAD_TTL = 300;

/** Bytes one contact may attach to one studio's feedback per hour (the same setting as their file uploads). */
const attachmentBytesLimit = (): Limit => ({
  bucket: 'feedback-bytes',
  max: limits.clientUploadBytesPerHour,
  windowSeconds: 3600,
  message: 'You have attached as much as you may this hour. Please try again later.',
});

const keyOf = (t: Pick<TaskRecord, 'studioId' | 'projectId'>, clientId: string, attachmentId: string) =>
  objects.feedbackAttachment(t.studioId, t.projectId, clientId, attachmentId);

export async function startAttachment(session: ClientSession, projectId: string, input: AttachmentBody) {
  const project = await projectForClient(session, projectId);
  if (!mayClientUploadType(input.contentType))
    throw invalid('file_not_allowed', 'This type of file cannot be attached.', { contentType: ['is not a type you may attach'] });
  await consume(attachmentBytesLimit(), `${session.studio.studioId}#${session.client.clientId}`, Date.now(), input.size);
  const attachmentId = randomUUID();
  const ticket = await objectTicket(keyOf(project, session.client.clientId, attachmentId), input.contentType, input.size);
  // ATTACHMENT_LIMITS.maxBytes is below the single-PUT limit: every ticket is one PUT.
  if (!ticket.put) throw invalid('file_too_large', 'This file is too large to attach.', { size: ['is too large'] });
  return {
    attachment: { attachmentId, fileName: cleanFileName(input.fileName), contentType: input.contentType, size: input.size },
    ticket: { put: ticket.put },
  };
}

/** The named attachments as the bucket holds them under this contact's key, or a 400 naming the first that is not. */
export async function checkedAttachments(
  where: Pick<TaskRecord, 'studioId' | 'projectId'>,
  clientId: string,
  named: readonly TaskAttachment[],
): Promise<TaskAttachment[]> {
  if (new Set(named.map((a) => a.attachmentId)).size !== named.length)
    throw invalid('attachment_repeated', 'A file is attached twice.', { attachments: ['names a file twice'] });
  return Promise.all(
    named.map(async (a) => {
      const { stored } = await finishObjectUpload(keyOf(where, clientId, a.attachmentId), null, undefined);
      const problem = stored ? ticketMismatch(a, stored) : 'The file was not uploaded; attach it again';
      if (problem) throw invalid('attachment_not_uploaded', problem, { attachments: [problem] });
      return { attachmentId: a.attachmentId, fileName: cleanFileName(a.fileName), contentType: a.contentType, size: a.size };
    }),
  );
}

/** A short link that downloads one attachment of `task` under its name. */
export async function attachmentLink(task: TaskRecord, attachmentId: string) {
  const a = (task.attachments ?? []).find((x) => x.attachmentId === attachmentId);
  if (!a) throw notFound('No such attachment.');
  const url = await presignGet(keyOf(task, task.submittedBy.clientId, a.attachmentId), {
    expiresIn: DOWNLOAD_TTL,
    downloadName: a.fileName,
  });
  return { url, fileName: a.fileName };
}
