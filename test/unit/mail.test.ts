import { describe, expect, it } from 'vitest';
import { sesRequest } from '../../shared/adapters/mail.ts';
import { invitationEmail, signInEmail, studioReadyEmail } from '../../shared/features/auth/domain/emails.ts';
import type { Client } from '../../shared/features/clients/index.ts';
import type { Studio } from '../../shared/features/studios/index.ts';

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

  it('strips addresses, URLs, angle brackets, @ and quotes from the sender display name', () => {
    for (const fromName of [
      'PayPal Security <security@paypal.example>',
      '"PayPal Security" <security@paypal.example>',
      'Visit https://evil.example/login now',
      "Bob's www.evil.example/x studio @home",
    ]) {
      const from = sesRequest({ ...mail, subject: 's', fromName }).FromEmailAddress ?? '';
      const shown = /^"(.*)" <no-reply@portico\.localhost>$/.exec(from)?.[1] ?? from;
      expect(from, fromName).toMatch(/<no-reply@portico\.localhost>$/);
      expect(shown, fromName).not.toMatch(/[<>@"'`]|paypal\.example|evil\.example|https?:/i);
    }
    const from = sesRequest({ ...mail, subject: 's', fromName: 'PayPal Security <security@paypal.example>' }).FromEmailAddress;
    expect(from).toBe('"PayPal Security" <no-reply@portico.localhost>');
    // Nothing left of a name: the bare address, no empty quotes.
    expect(sesRequest({ ...mail, subject: 's', fromName: '<security@paypal.example>' }).FromEmailAddress).toBe(
      'no-reply@portico.localhost',
    );
  });

  it('never puts more than 40 characters of a name into a subject', () => {
    const name = `Urgent account review ${'x'.repeat(60)} https://evil.example/login`;
    const studio = { name, slug: 'long', plan: 'starter', accentColor: '#3d5afe', supportEmail: null } as Studio;
    const client = { name } as Client;
    for (const { subject } of [
      invitationEmail(studio, client, 'http://x'),
      signInEmail(studio, client, 'http://x'),
      studioReadyEmail(studio, 'http://x'),
    ]) {
      expect(subject).not.toContain('evil.example');
      const kept = subject.replace(/ invited you to your client portal$|^Your sign-in link for |^Your studio | is ready$/g, '');
      expect([...kept].length, subject).toBeLessThanOrEqual(40);
    }
  });
});
