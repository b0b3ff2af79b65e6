import { describe, expect, it } from 'vitest';
import { sesRequest } from '../../shared/adapters/mail.ts';

process.env.MAIL_FROM ??= 'no-reply@portico.localhost';

describe('the mail adapter', () => {
  const mail = { to: 'ava@example.com', text: 't', html: '<p>t</p>' };

  it('keeps every header on one line, whatever a stored name holds', () => {
    const request = sesRequest({
      ...mail,
      subject: 'Evil\r\nBcc: attacker@evil.example invited you\u2028\u2029\u0085\u0000\u007f\u202e',
      fromName: 'Evil\r\nBcc: attacker@evil.example',
    });
    const subject = request.Content?.Simple?.Subject?.Data ?? '';
    expect(subject).toBe('Evil Bcc: attacker@evil.example invited you');
    expect(request.FromEmailAddress).not.toMatch(/[\r\n]/);
    for (const header of [subject, request.FromEmailAddress ?? '']) expect(header).not.toMatch(/[\p{Cc}\p{Zl}\p{Zp}\u202e]/u);
  });

  it('leaves ordinary subjects and names as they are', () => {
    const request = sesRequest({ ...mail, subject: 'Your sign-in link for Fern & Fable — Été', fromName: 'Fern & Fable' });
    expect(request.Content?.Simple?.Subject?.Data).toBe('Your sign-in link for Fern & Fable — Été');
    expect(request.FromEmailAddress).toContain('Fern & Fable');
  });
});
