// The vault (shared/adapters/vault.ts) with the local master key, as the local stack and the tests
// run it: the same sealed form and the same refusals as with KMS.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureLocalVaultKey } from '../../local/vault-key.ts';
import { forgetOpenedKeys, openSecret, SealedSecretError, sealSecret } from '../../shared/adapters/vault.ts';

const dir = mkdtempSync(join(tmpdir(), 'portico-vault-'));
const saved = { file: process.env.VAULT_KEY_FILE, kms: process.env.PAYMENTS_KEY_ID };
const A = { studioId: 'studio-a' };
const B = { studioId: 'studio-b' };
const SECRET = 'sk_test_51Hx…studio-a-0123456789';

beforeAll(() => {
  delete process.env.PAYMENTS_KEY_ID;
  process.env.VAULT_KEY_FILE = ensureLocalVaultKey(dir);
});
afterAll(() => {
  for (const [name, value] of [
    ['VAULT_KEY_FILE', saved.file],
    ['PAYMENTS_KEY_ID', saved.kms],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** The sealed string with one byte of part `index` (1 key, 2 iv, 3 tag, 4 ciphertext) flipped. */
function flipped(sealed: string, index: number, at = 0): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index] as string, 'base64url');
  bytes[at % bytes.length] = (bytes[at % bytes.length] as number) ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('the vault (local master key)', () => {
  it('opens what it sealed, for the same studio', async () => {
    const sealed = await sealSecret(SECRET, A);
    expect(await openSecret(sealed, A)).toBe(SECRET);
    expect(await openSecret(await sealSecret('', A), A)).toBe('');
    expect(await openSecret(await sealSecret('ünïcødé ✓', A), A)).toBe('ünïcødé ✓');
  });

  it('keeps no plaintext in the sealed string, which is one base64url string of five parts', async () => {
    const sealed = await sealSecret(SECRET, A);
    expect(sealed).toMatch(/^v1(\.[A-Za-z0-9_-]+){4}$/);
    expect(sealed).not.toContain('sk_test');
    expect(Buffer.from(sealed.split('.')[4] as string, 'base64url').toString('utf8')).not.toContain('sk_test');
  });

  it("refuses to open under another studio's context", async () => {
    const sealed = await sealSecret(SECRET, A);
    await expect(openSecret(sealed, B)).rejects.toBeInstanceOf(SealedSecretError);
    await expect(openSecret(sealed, { studioId: '' })).rejects.toThrow(/studioId/);
  });

  it('refuses a flipped byte anywhere: the data key, the iv, the tag or the ciphertext', async () => {
    const sealed = await sealSecret(SECRET, A);
    for (const index of [1, 2, 3, 4]) {
      for (const at of [0, 7, 31]) await expect(openSecret(flipped(sealed, index, at), A)).rejects.toBeInstanceOf(SealedSecretError);
    }
  });

  it('refuses a changed character, a cut string, another version and parts swapped between seals', async () => {
    const sealed = await sealSecret(SECRET, A);
    const other = await sealSecret(SECRET, A);
    const at = sealed.length - 3;
    const changed = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    await expect(openSecret(changed, A)).rejects.toBeInstanceOf(SealedSecretError);
    await expect(openSecret(sealed.slice(0, -4), A)).rejects.toBeInstanceOf(SealedSecretError);
    await expect(openSecret(sealed.replace(/^v1/, 'v2'), A)).rejects.toBeInstanceOf(SealedSecretError);
    const [, key] = other.split('.');
    const mixed = sealed.split('.');
    mixed[1] = key as string;
    await expect(openSecret(mixed.join('.'), A)).rejects.toBeInstanceOf(SealedSecretError);
  });

  it('seals the same text differently each time (a fresh data key and iv)', async () => {
    const [one, two] = await Promise.all([sealSecret(SECRET, A), sealSecret(SECRET, A)]);
    expect(one).not.toBe(two);
    const [, keyOne, ivOne] = (one as string).split('.');
    const [, keyTwo, ivTwo] = (two as string).split('.');
    expect(keyOne).not.toBe(keyTwo);
    expect(ivOne).not.toBe(ivTwo);
  });

  it('refuses what another master key sealed', async () => {
    const sealed = await sealSecret(SECRET, A);
    const otherDir = mkdtempSync(join(tmpdir(), 'portico-vault-other-'));
    const file = process.env.VAULT_KEY_FILE;
    try {
      process.env.VAULT_KEY_FILE = ensureLocalVaultKey(otherDir);
      await expect(openSecret(sealed, A)).rejects.toBeInstanceOf(SealedSecretError);
    } finally {
      process.env.VAULT_KEY_FILE = file;
      rmSync(otherDir, { recursive: true, force: true });
    }
    expect(await openSecret(sealed, A)).toBe(SECRET);
  });

  it('keeps the key file it made, readable by its owner only', async () => {
    const file = ensureLocalVaultKey(dir);
    expect(file).toBe(process.env.VAULT_KEY_FILE);
    const { statSync } = await import('node:fs');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('the vault (KMS, PAYMENTS_KEY_ID set)', () => {
  const KEY_ID = 'arn:aws:kms:eu-west-1:111122223333:key/test';
  // A KMS of one key in this process: the data key wrapped under it, the context as additional data.
  const kmsKey = randomBytes(32);
  const aad = (context: Record<string, string> | undefined) => Buffer.from(JSON.stringify(context ?? {}));
  const calls: Array<{ command: string; input: Record<string, unknown> }> = [];

  beforeAll(() => {
    process.env.PAYMENTS_KEY_ID = KEY_ID;
    vi.spyOn(KMSClient.prototype, 'send').mockImplementation((async (command: unknown) => {
      if (command instanceof GenerateDataKeyCommand) {
        const input = command.input;
        calls.push({ command: 'GenerateDataKey', input: { ...input } });
        const plaintext = randomBytes(32);
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', kmsKey, iv).setAAD(aad(input.EncryptionContext));
        const blob = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
        return { Plaintext: new Uint8Array(plaintext), CiphertextBlob: new Uint8Array(blob), KeyId: input.KeyId };
      }
      if (command instanceof DecryptCommand) {
        const input = command.input;
        calls.push({ command: 'Decrypt', input: { ...input } });
        const blob = Buffer.from(input.CiphertextBlob as Uint8Array);
        try {
          if (input.KeyId !== KEY_ID) throw new Error('wrong key');
          const decipher = createDecipheriv('aes-256-gcm', kmsKey, blob.subarray(0, 12)).setAAD(aad(input.EncryptionContext));
          decipher.setAuthTag(blob.subarray(-16));
          return { Plaintext: new Uint8Array(Buffer.concat([decipher.update(blob.subarray(12, -16)), decipher.final()])) };
        } catch {
          throw Object.assign(new Error('InvalidCiphertextException'), { name: 'InvalidCiphertextException' });
        }
      }
      throw new Error('unexpected KMS command');
    }) as never);
  });
  afterAll(() => {
    vi.restoreAllMocks();
    delete process.env.PAYMENTS_KEY_ID;
    forgetOpenedKeys();
  });

  it('asks KMS for an AES_256 data key under PAYMENTS_KEY_ID with the studio as the encryption context', async () => {
    calls.length = 0;
    const sealed = await sealSecret(SECRET, A);
    expect(calls).toEqual([
      { command: 'GenerateDataKey', input: { KeyId: KEY_ID, KeySpec: 'AES_256', EncryptionContext: { studioId: 'studio-a' } } },
    ]);
    expect(await openSecret(sealed, A)).toBe(SECRET);
    expect(calls[1]).toMatchObject({ command: 'Decrypt', input: { KeyId: KEY_ID, EncryptionContext: { studioId: 'studio-a' } } });
  });

  it('opens the same secret again from its cached data key, and only for the same context', async () => {
    forgetOpenedKeys();
    const sealed = await sealSecret(SECRET, A);
    calls.length = 0;
    expect(await openSecret(sealed, A)).toBe(SECRET);
    expect(await openSecret(sealed, A)).toBe(SECRET);
    expect(calls.map((c) => c.command)).toEqual(['Decrypt']);
    await expect(openSecret(sealed, B)).rejects.toBeInstanceOf(SealedSecretError);
    await expect(openSecret(flipped(sealed, 4), A)).rejects.toBeInstanceOf(SealedSecretError);
    await expect(openSecret(flipped(sealed, 1, 20), A)).rejects.toBeInstanceOf(SealedSecretError);
  });

  it('passes a failure of KMS itself on as it is (the caller answers 503)', async () => {
    forgetOpenedKeys();
    const sealed = await sealSecret(SECRET, A);
    vi.mocked(KMSClient.prototype.send).mockRejectedValueOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    await expect(openSecret(sealed, A)).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});
