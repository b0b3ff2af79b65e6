// Outgoing mail through SES v2. Locally AWS_ENDPOINT_URL_SESV2 points at the mail catcher.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from '../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Display name shown before the sender address, e.g. the studio's name. */
  fromName?: string;
  replyTo?: string;
}

let client: SESv2Client | undefined;

export async function sendMail(mail: OutgoingMail): Promise<void> {
  client ??= new SESv2Client({});
  const from = mail.fromName ? `"${mail.fromName.replace(/["\\\r\n]/g, '')}" <${config.mailFrom}>` : config.mailFrom;
  await client.send(
    new SendEmailCommand({
      FromEmailAddress: from,
      Destination: { ToAddresses: [mail.to] },
      ReplyToAddresses: mail.replyTo ? [mail.replyTo] : undefined,
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
        },
      },
    }),
  );
}
