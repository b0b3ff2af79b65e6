// Outgoing mail through SES v2. Locally AWS_ENDPOINT_URL_SESV2 points at the mail catcher.
import { SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { config } from '../config.ts';
import { displayName, headerText } from '../safe-text.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Display name shown before the sender address, e.g. the studio's name. */
  fromName?: string;
  replyTo?: string;
  /** Files sent with the mail (SES v2 Simple content's attachments; the whole mail must stay under 40 MB). */
  attachments?: { fileName: string; contentType: string; content: Uint8Array }[];
}

let client: SESv2Client | undefined;

/**
 * The SES request for a mail. Every text that becomes a header is made one line again here, though
 * input already refuses line breaks and controls in names (HeaderSafeText): a name stored before that
 * check, or a subject built from some other text, still cannot add a header. The sender's display
 * name also loses URLs, addresses, `<`, `>`, `@` and quotes: it cannot pose as another address.
 */
export function sesRequest(mail: OutgoingMail): SendEmailCommandInput {
  const fromName = mail.fromName ? displayName(mail.fromName) : '';
  const from = fromName ? `"${fromName}" <${config.mailFrom}>` : config.mailFrom;
  return {
    FromEmailAddress: from,
    Destination: { ToAddresses: [mail.to] },
    ReplyToAddresses: mail.replyTo ? [mail.replyTo] : undefined,
    Content: {
      Simple: {
        Subject: { Data: headerText(mail.subject), Charset: 'UTF-8' },
        Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
        Attachments: mail.attachments?.map((a) => ({
          FileName: headerText(a.fileName),
          ContentType: a.contentType,
          RawContent: a.content,
          ContentDisposition: 'ATTACHMENT',
          ContentTransferEncoding: 'BASE64',
        })),
      },
    },
  };
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
  client ??= new SESv2Client({});
  await client.send(new SendEmailCommand(sesRequest(mail)));
}
