// What the verify page works out in the browser: the file's SHA-256 and the seal id Portico wrote
// into the PDF (`/PorticoSeal (<id>)`). The file itself never leaves the device.

const SEAL_ID = /\/PorticoSeal \(([A-Za-z0-9_-]{8,64})\)/;
const SHA256 = /^[0-9a-f]{64}$/;

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The seal id in a PDF's bytes, read as latin1 so every byte is one character. */
export function findSealId(bytes: ArrayBuffer): string | undefined {
  const text = new TextDecoder('latin1').decode(bytes);
  return SEAL_ID.exec(text)?.[1];
}

/** A pasted hash, tidied (spaces, upper case), or null when it is not a SHA-256. */
export function pastedHash(value: string): string | null {
  const hash = value.replace(/\s+/g, '').toLowerCase();
  return SHA256.test(hash) ? hash : null;
}
