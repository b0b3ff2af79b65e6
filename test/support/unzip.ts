// A minimal ZIP reader for tests: the central directory (names, sizes, CRCs) and STORE entries'
// bytes, each checked against its CRC. Enough to verify what the ZIP worker writes; not a general
// unzip (no deflate, no ZIP64 beyond what small test archives need).
import { crc32 } from 'node:zlib';

export interface UnzippedEntry {
  name: string;
  method: number;
  size: number;
  crc: number;
  utf8: boolean;
  data: Buffer;
}

export function unzip(zip: Buffer): UnzippedEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: UnzippedEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory header at ${p}`);
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const utf8 = (flags & 0x800) !== 0;
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString(utf8 ? 'utf8' : 'latin1');
    p += 46 + nameLength + extraLength + commentLength;

    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (method !== 0) throw new Error(`${name}: method ${method}, expected STORE (0)`);
    if (compressed !== size) throw new Error(`${name}: stored entry with different sizes`);
    const data = zip.subarray(start, start + size);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.push({ name, method, size, crc, utf8, data });
  }
  return entries;
}
