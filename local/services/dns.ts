// The local stand-in for the internet's DNS: a tiny DNS server over UDP (RFC 1035) that answers
// CNAME questions from a table the tests and `/_dev/dns` fill in, so the custom-domain check runs
// the real protocol through node:dns (DNS_SERVERS points it here). Every other name is NXDOMAIN.
import { createSocket as udpSocket } from 'node:dgram';

export interface LocalDns {
  port: number;
  /** The CNAME target of `name` (lowercase, no trailing dot); undefined removes it. */
  set(name: string, cname: string | undefined): void;
  records(): Record<string, string>;
  stop(): Promise<void>;
}

const CNAME = 5;
const ANY = 255;

function readName(msg: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let at = offset;
  while (at < msg.length) {
    const len = msg[at] as number;
    if (len === 0) return { name: labels.join('.').toLowerCase(), end: at + 1 };
    // Questions carry no compression pointers; refuse anything else as malformed.
    if (len > 63) throw new Error('malformed name');
    labels.push(msg.subarray(at + 1, at + 1 + len).toString('latin1'));
    at += 1 + len;
  }
  throw new Error('malformed name');
}

function encodeName(name: string): Buffer {
  const parts = name
    .split('.')
    .filter(Boolean)
    .map((l) => {
      const b = Buffer.from(l, 'latin1');
      return Buffer.concat([Buffer.from([b.length]), b]);
    });
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** The answer to one query: the question echoed, and the CNAME when the table has one. */
export function answer(query: Buffer, table: ReadonlyMap<string, string>): Buffer {
  const id = query.readUInt16BE(0);
  const rd = query.readUInt16BE(2) & 0x0100;
  const { name, end } = readName(query, 12);
  const qtype = query.readUInt16BE(end);
  const question = query.subarray(12, end + 4);
  const target = table.get(name);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  // QR, AA, the client's RD; RCODE 3 (NXDOMAIN) for a name the table lacks.
  header.writeUInt16BE(0x8400 | rd | (target ? 0 : 3), 2);
  header.writeUInt16BE(1, 4);
  if (!target || (qtype !== CNAME && qtype !== ANY && qtype !== 1 && qtype !== 28)) return Buffer.concat([header, question]);
  header.writeUInt16BE(1, 6);
  const rdata = encodeName(target);
  const rr = Buffer.alloc(12);
  rr.writeUInt16BE(0xc00c, 0); // the question's name
  rr.writeUInt16BE(CNAME, 2);
  rr.writeUInt16BE(1, 4); // IN
  rr.writeUInt32BE(5, 6); // a short TTL: the records change while a test watches
  rr.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([header, question, rr, rdata]);
}

export function startLocalDns(port = 0): Promise<LocalDns> {
  const table = new Map<string, string>();
  const socket: ReturnType<typeof udpSocket> = udpSocket('udp4');
  socket.on('message', (msg, from) => {
    try {
      socket.send(answer(msg, table), from.port, from.address);
    } catch {
      // A malformed question gets no answer, as from a real server that drops it.
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () =>
      resolve({
        port: socket.address().port,
        set(name, cname) {
          const key = name.toLowerCase().replace(/\.$/, '');
          if (cname) table.set(key, cname.toLowerCase().replace(/\.$/, ''));
          else table.delete(key);
        },
        records: () => Object.fromEntries(table),
        stop: () => new Promise<void>((r) => socket.close(() => r())),
      }),
    );
  });
}
