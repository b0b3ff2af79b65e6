// The vault: envelope encryption of the studios' Stripe secrets (their secret keys and webhook
// signing secrets), so a table read alone never yields one. Each seal asks for a fresh 256-bit data
// key, encrypts the plaintext with it (AES-256-GCM, node:crypto) and keeps only the data key's
// encrypted form beside the ciphertext; the data key's plaintext is wiped once used.
//
// In AWS the data key comes from KMS (GenerateDataKey under PAYMENTS_KEY_ID, Decrypt to open), with
// the studio as the encryption context: a sealed secret copied to another studio's record does not
// open there, and CloudTrail names the studio of every Decrypt. Locally (no PAYMENTS_KEY_ID) a 32-byte
// master key in the data folder (VAULT_KEY_FILE, made by the local stack) wraps the data key with
// AES-256-GCM, the context as its additional data, so a sealed string has the same form and the
// same failures in both places. Only functions holding 'payments:secrets' may use the KMS key.
//
// Sealed form: `v1.<encrypted data key>.<iv>.<tag>.<ciphertext>`, each part base64url. The
// version and the context are the ciphertext's additional data too. Nothing here logs.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { config } from '../config.ts';

export interface VaultContext {
  studioId: string;
}

/** A sealed secret that does not open: altered, cut, sealed for another context, or under another key. */
export class SealedSecretError extends Error {
  override readonly name = 'SealedSecretError';
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** A decrypted data key is kept this long in a warm Lambda, so opening the same secret again needs no KMS call. */
const KEY_CACHE_MS = 5 * 60 * 1000;
const KEY_CACHE_MAX = 256;

function checkContext(context: VaultContext): void {
  if (typeof context?.studioId !== 'string' || context.studioId.length === 0) throw new Error('The vault needs a studioId context');
}

/** The additional data both GCM layers authenticate: the format's version and the context. */
const aadOf = (context: VaultContext): Buffer => Buffer.from(`portico-vault\0${VERSION}\0studioId=${context.studioId}`, 'utf8');

function gcmSeal(key: Uint8Array, plaintext: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function gcmOpen(key: Uint8Array, iv: Buffer, tag: Buffer, ciphertext: Buffer, aad: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch (e) {
    throw new SealedSecretError('The sealed secret does not open: altered, or sealed for another studio', { cause: e });
  }
}

// --- Where data keys come from: KMS in AWS, the local master key otherwise ----------------------

interface KeySource {
  /** A fresh data key: its plaintext (the caller wipes it) and its encrypted form. */
  generate(context: VaultContext): Promise<{ plaintext: Uint8Array; encrypted: Buffer }>;
  /** The data key's plaintext (the caller wipes it). */
  decrypt(encrypted: Buffer, context: VaultContext): Promise<Uint8Array>;
}

let kms: { endpoint: string | undefined; sdk: KMSClient } | undefined;
/** Made on first use (a Lambda that never seals never builds it); again only if the endpoint variable changes. */
function kmsClient(): KMSClient {
  const endpoint = process.env.AWS_ENDPOINT_URL_KMS;
  if (kms === undefined || kms.endpoint !== endpoint) kms = { endpoint, sdk: new KMSClient({}) };
  return kms.sdk;
}

const kmsSource = (keyId: string): KeySource => ({
  async generate(context) {
    const out = await kmsClient().send(
      new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: { studioId: context.studioId } }),
    );
    if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS GenerateDataKey answered no key');
    return { plaintext: out.Plaintext, encrypted: Buffer.from(out.CiphertextBlob) };
  },
  async decrypt(encrypted, context) {
    try {
      const out = await kmsClient().send(
        // KeyId too: a blob of any other key is refused, not opened with whatever key made it.
        new DecryptCommand({ KeyId: keyId, CiphertextBlob: encrypted, EncryptionContext: { studioId: context.studioId } }),
      );
      if (!out.Plaintext) throw new Error('KMS Decrypt answered no key');
      return out.Plaintext;
    } catch (e) {
      // Wrong context, altered blob, another key: the secret does not open. Anything else (throttling,
      // a network failure) stays what it is, so the caller may answer 503 and be retried.
      const name = (e as Error)?.name;
      if (name === 'InvalidCiphertextException' || name === 'IncorrectKeyException')
        throw new SealedSecretError('The sealed secret does not open: altered, or sealed for another studio', { cause: e });
      throw e;
    }
  },
});

let masterKey: { file: string; key: Promise<Buffer> } | undefined;
function localMasterKey(file: string): Promise<Buffer> {
  if (masterKey?.file !== file) {
    const key = readFile(file, 'utf8').then((text) => {
      const bytes = Buffer.from(text.trim(), 'base64url');
      if (bytes.length !== KEY_BYTES) throw new Error(`The vault key file ${file} does not hold a 32-byte key`);
      return bytes;
    });
    masterKey = { file, key };
    // A failed read is not kept: the next call tries again.
    key.catch(() => {
      if (masterKey?.key === key) masterKey = undefined;
    });
  }
  return masterKey.key;
}

const localSource = (file: string): KeySource => ({
  async generate(context) {
    const plaintext = randomBytes(KEY_BYTES);
    const { iv, tag, ciphertext } = gcmSeal(await localMasterKey(file), plaintext, aadOf(context));
    return { plaintext, encrypted: Buffer.concat([iv, tag, ciphertext]) };
  },
  async decrypt(encrypted, context) {
    if (encrypted.length !== IV_BYTES + TAG_BYTES + KEY_BYTES) throw new SealedSecretError('The sealed secret does not open: malformed');
    const iv = encrypted.subarray(0, IV_BYTES);
    const tag = encrypted.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    return gcmOpen(await localMasterKey(file), iv, tag, encrypted.subarray(IV_BYTES + TAG_BYTES), aadOf(context));
  },
});

function keySource(): { id: string; source: KeySource } {
  const keyId = config.paymentsKeyId;
  if (keyId) return { id: `kms:${keyId}`, source: kmsSource(keyId) };
  const file = config.vaultKeyFile;
  if (file) return { id: `file:${file}`, source: localSource(file) };
  throw new Error('No vault key: set PAYMENTS_KEY_ID (AWS) or VAULT_KEY_FILE (local stack)');
}

// --- The cache of opened data keys (KMS only: a local unwrap costs nothing) ----------------------

const opened = new Map<string, { key: Buffer; until: number }>();

function cached(cacheKey: string): Buffer | undefined {
  const now = Date.now();
  for (const [k, entry] of opened) {
    if (entry.until > now) continue;
    entry.key.fill(0);
    opened.delete(k);
  }
  return opened.get(cacheKey)?.key;
}

function remember(cacheKey: string, key: Uint8Array): void {
  if (opened.size >= KEY_CACHE_MAX) {
    const [oldest] = opened;
    if (oldest) {
      oldest[1].key.fill(0);
      opened.delete(oldest[0]);
    }
  }
  opened.set(cacheKey, { key: Buffer.from(key), until: Date.now() + KEY_CACHE_MS });
}

// --- The sealed string ----------------------------------------------------------------------------

/** base64url that decodes and encodes back to itself: a changed character is never silently the same bytes. */
function part(text: string | undefined, exactBytes?: number): Buffer {
  if (text === undefined || !/^[A-Za-z0-9_-]+$/.test(text)) throw new SealedSecretError('The sealed secret is malformed');
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text || (exactBytes !== undefined && bytes.length !== exactBytes))
    throw new SealedSecretError('The sealed secret is malformed');
  return bytes;
}

/** Seals `plaintext` for `context` (the studio it belongs to). Two seals of the same text differ. */
export async function sealSecret(plaintext: string, context: VaultContext): Promise<string> {
  checkContext(context);
  const { source } = keySource();
  const dataKey = await source.generate(context);
  try {
    const { iv, tag, ciphertext } = gcmSeal(dataKey.plaintext, Buffer.from(plaintext, 'utf8'), aadOf(context));
    return [VERSION, dataKey.encrypted, iv, tag, ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  } finally {
    dataKey.plaintext.fill(0);
  }
}

/**
 * The plaintext of a sealed secret. Throws SealedSecretError when it was altered, or sealed for
 * another context; a failure of KMS itself (throttling, network) is thrown as it is.
 */
export async function openSecret(sealed: string, context: VaultContext): Promise<string> {
  checkContext(context);
  const parts = typeof sealed === 'string' ? sealed.split('.') : [];
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SealedSecretError('The sealed secret is malformed');
  const encryptedKey = part(parts[1]);
  const iv = part(parts[2], IV_BYTES);
  const tag = part(parts[3], TAG_BYTES);
  const ciphertext = parts[4] === '' ? Buffer.alloc(0) : part(parts[4]);
  const { id, source } = keySource();
  const cacheKey = `${id}\n${parts[1]}\n${context.studioId}`;
  const useCache = id.startsWith('kms:');
  const hit = useCache ? cached(cacheKey) : undefined;
  if (hit) return gcmOpen(hit, iv, tag, ciphertext, aadOf(context)).toString('utf8');
  const dataKey = await source.decrypt(encryptedKey, context);
  try {
    const plaintext = gcmOpen(dataKey, iv, tag, ciphertext, aadOf(context)).toString('utf8');
    // Only a key that opened the secret is kept.
    if (useCache) remember(cacheKey, dataKey);
    return plaintext;
  } finally {
    dataKey.fill(0);
  }
}

/** Forgets every opened data key (wiped). For tests, and for a caller that wants none kept. */
export function forgetOpenedKeys(): void {
  for (const entry of opened.values()) entry.key.fill(0);
  opened.clear();
}
