// The sealed release: the reviewed document with every signature drawn into its spot, a certificate
// page per signer, the audit chain's head, metadata a browser can find by scanning the bytes, and a
// PAdES-compatible signature (ETSI.CAdES.detached) by the deployment's key over the whole file.
import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDict, type PDFDocument, PDFName, type PDFPage, PDFString, rgb } from 'pdf-lib';
import { loadPdf, PageFlow, type Spot } from './render.ts';
import { localClockAuthority, type TimestampAuthority } from './timestamps.ts';
import { Typesetter } from './typeset.ts';

export interface Stroke {
  points: [number, number][];
} // a drawn signature: coordinates in a 600×200 box, origin top-left
export type SignatureInput = { kind: 'typed'; text: string } | { kind: 'drawn'; strokes: Stroke[] };
export interface SignerCertificate {
  slot: string;
  name: string;
  email: string;
  authentication: string /* e.g. 'Portal session (magic link)' or 'One-time signing link' */;
  ip: string;
  userAgent: string;
  sentAt?: string;
  viewedAt?: string;
  signedAt: string /* ISO UTC */;
  consentVersion: string;
}
export interface SealKey {
  p12: Uint8Array;
  passphrase: string;
}
export interface SealInput {
  document: Uint8Array; // the exact bytes the signers reviewed
  documentHash: string; // its SHA-256, hex
  spots: Spot[];
  signatures: Array<{ slot: string; signature: SignatureInput; initials?: SignatureInput; signedAt: string; name: string }>;
  certificates: SignerCertificate[];
  release: { id: string; sealId: string; title: string; studioName: string; completedAt: string };
  chainHead: { seq: number; hash: string }; // the audit chain's head, printed and stored in metadata
  key: SealKey;
  timestamp?: TimestampAuthority;
}

/** The reviewed bytes are not the ones whose hash the signers saw. */
export class DocumentChanged extends Error {
  constructor() {
    super('The document does not match the hash the signers reviewed');
    this.name = 'DocumentChanged';
  }
}

const BOX = { width: 600, height: 200 };
const INK = rgb(0.05, 0.12, 0.38);

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => Array.from(w)[0])
    .join('')
    .slice(0, 4);
}

/** Drawn strokes as one SVG path in the 600×200 box (non-finite points dropped, others clamped). */
export function strokesToSvgPath(strokes: Stroke[]): string {
  const parts: string[] = [];
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  for (const stroke of strokes) {
    const pts = stroke.points
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
      .map(([x, y]) => [clamp(x, BOX.width), clamp(y, BOX.height)] as const);
    const [first, ...rest] = pts;
    if (!first) continue;
    // A dot (one point) still shows: a segment of half a unit.
    const tail = rest.length ? rest : [[first[0] + 0.5, first[1]] as const];
    parts.push(`M ${first[0].toFixed(1)} ${first[1].toFixed(1)}`, ...tail.map(([x, y]) => `L ${x.toFixed(1)} ${y.toFixed(1)}`));
  }
  return parts.join(' ');
}

function drawSignature(page: PDFPage, type: Typesetter, spot: Spot, signature: SignatureInput): void {
  if (signature.kind === 'drawn') {
    const scale = Math.min(spot.width / BOX.width, spot.height / BOX.height);
    const x = spot.x + (spot.width - BOX.width * scale) / 2;
    const top = spot.y + spot.height - (spot.height - BOX.height * scale) / 2;
    const path = strokesToSvgPath(signature.strokes);
    // The scale applies to the line width too: 5 box units are about 1.8 pt in a 220-pt spot.
    if (path) page.drawSvgPath(path, { x, y: top, scale, borderColor: INK, borderWidth: 5, borderLineCap: 1 });
    return;
  }
  let size = Math.min(26, spot.height * 0.6);
  while (size > 7 && type.measure(signature.text, size, 'italic') > spot.width - 6) size -= 1;
  type.drawSingleLine(page, signature.text, spot.x + 3, spot.y + 6, spot.width - 6, {
    size,
    color: [0.05, 0.12, 0.38],
    align: 'left',
    style: 'italic',
  });
}

function utc(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : `${d
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d{3}Z$/, '')} UTC`;
}

function certificatePages(flow: PageFlow, input: SealInput, stamp: { authority: string; time: string }): void {
  const line = (label: string, value: string) => {
    flow.text([{ text: `${label}: `, bold: true }, { text: value }], 9.5, { gapAfter: 1 });
  };
  input.certificates.forEach((cert, i) => {
    flow.newPage();
    flow.text([{ text: `Certificate of signature ${i + 1} of ${input.certificates.length}`, bold: true }], 15, { gapAfter: 10 });
    line('Document', input.release.title);
    line('Signer', cert.name);
    line('Email', cert.email);
    line('Signer slot', cert.slot);
    line('Authentication', cert.authentication);
    line('IP address', cert.ip);
    line('Device (user agent)', cert.userAgent);
    line('Sent', utc(cert.sentAt));
    line('Viewed', utc(cert.viewedAt));
    line('Signed', utc(cert.signedAt));
    line('Consent to sign electronically, version', cert.consentVersion);
    line('Document SHA-256', input.documentHash);
  });
  flow.y -= 14;
  flow.need(120);
  flow.text([{ text: 'Seal', bold: true }], 12, { gapAfter: 4 });
  line('Completed', utc(input.release.completedAt));
  line('Time source', `${stamp.authority}, ${utc(stamp.time)}`);
  line('Release', input.release.id);
  line('Seal', input.release.sealId);
  line('Audit chain head', `#${input.chainHead.seq} ${input.chainHead.hash}`);
  flow.text(
    [
      {
        text: `This document was sealed by Portico for ${input.release.studioName}; any change to it invalidates the seal's digital signature.`,
      },
    ],
    8.5,
    { gapAfter: 0 },
  );
}

function setMetadata(doc: PDFDocument, input: SealInput): void {
  const { release, chainHead } = input;
  doc.setTitle(release.title);
  doc.setSubject(`Signed release ${release.id} (${release.studioName})`);
  doc.setAuthor(release.studioName);
  doc.setProducer('Portico');
  doc.setCreator('Portico');
  doc.setModificationDate(new Date(release.completedAt));
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  // Literal strings, not pdf-lib's UTF-16 hex: a browser finds them by scanning the bytes (ids
  // and hashes are ASCII).
  const keywords = [`portico-seal:${release.sealId}`, `portico-release:${release.id}`, `portico-chain:${chainHead.seq}:${chainHead.hash}`];
  info.set(PDFName.of('Keywords'), PDFString.of(keywords.join(' ')));
  info.set(PDFName.of('PorticoSeal'), PDFString.of(release.sealId));
  info.set(PDFName.of('PorticoRelease'), PDFString.of(release.id));
  info.set(PDFName.of('PorticoChainHead'), PDFString.of(`${chainHead.seq}:${chainHead.hash}`));
}

export async function sealPdf(input: SealInput): Promise<Uint8Array> {
  const hash = createHash('sha256').update(input.document).digest('hex');
  if (hash !== input.documentHash.toLowerCase()) throw new DocumentChanged();
  const authority = input.timestamp ?? localClockAuthority;
  const stamped = await authority.stamp(hash);

  const doc = await loadPdf(input.document);
  doc.registerFontkit((await import('@pdf-lib/fontkit')).default);
  const texts = [
    input.release.title,
    input.release.studioName,
    ...input.signatures.flatMap((s) => [
      s.name,
      s.signature.kind === 'typed' ? s.signature.text : '',
      s.initials?.kind === 'typed' ? s.initials.text : '',
    ]),
    ...input.certificates.flatMap((c) => [c.name, c.email, c.userAgent, c.authentication]),
  ];
  const type = await Typesetter.create(doc, texts.join('\n'));
  const pages = doc.getPages();
  for (const spot of input.spots) {
    const signed = input.signatures.find((s) => s.slot === spot.slot);
    const page = pages[spot.page];
    if (!signed || !page) continue;
    if (spot.mark === 'date') {
      const date = new Date(signed.signedAt).toISOString().slice(0, 10);
      type.drawSingleLine(page, date, spot.x + 3, spot.y + 6, spot.width - 6, { size: 11, color: [0.05, 0.12, 0.38], align: 'left' });
    } else if (spot.mark === 'initials') {
      drawSignature(page, type, spot, signed.initials ?? { kind: 'typed', text: initialsOf(signed.name) });
    } else {
      drawSignature(page, type, spot, signed.signature);
    }
  }

  const before = doc.getPageCount();
  const flow = new PageFlow(doc, type, { title: input.release.title, studioName: input.release.studioName }, before);
  certificatePages(flow, input, { authority: authority.name, time: stamped.time });
  flow.pages.forEach((page, i) => {
    type.drawSingleLine(page, `Certificate page ${i + 1} of ${flow.pages.length}`, 56, 34, page.getWidth() - 112, {
      size: 8,
      color: [0.42, 0.42, 0.46],
      align: 'center',
    });
  });

  setMetadata(doc, input);
  const signingTime = new Date(input.release.completedAt);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'Sealed by Portico',
    contactInfo: '',
    name: input.release.studioName,
    location: '',
    signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Portico',
  });
  // No object streams: the Info dictionary (and /PorticoSeal in it) stays readable as plain bytes.
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  const signer = new P12Signer(Buffer.from(input.key.p12), { passphrase: input.key.passphrase });
  const signed = await new SignPdf().sign(unsigned, signer, signingTime);
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
