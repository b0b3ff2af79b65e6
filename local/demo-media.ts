// Sample documents and videos for the demo studio and the previews tests, made here (no downloads):
// PDFs drawn with pdf-lib like a studio's layout proofs (a title, headings, coloured layout blocks,
// page numbers: every page looks different), and a short WebM video made without ffmpeg. Each video
// frame is an SVG that sharp encodes as a lossy WebP: a lossy WebP's "VP8 " chunk is a VP8 keyframe,
// so the frames go into the WebM as they are (mediabunny muxes encoded packets), and Chromium plays it.
import { BufferTarget, EncodedAudioPacketSource, EncodedPacket, EncodedVideoPacketSource, Output, WebMOutputFormat } from 'mediabunny';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

const BLOCK_COLOURS = [rgb(0.96, 0.55, 0.42), rgb(0.36, 0.62, 0.85), rgb(0.55, 0.78, 0.52), rgb(0.98, 0.8, 0.35), rgb(0.6, 0.5, 0.8)];

/**
 * A PDF of `pages` A4 pages. Pages past `drawn` (20 unless told) are blank, so a 2,000-page file
 * takes a fraction of a second to make.
 */
export async function demoPdf(pages: number, title: string, opts: { drawn?: number } = {}): Promise<Uint8Array> {
  const drawn = opts.drawn ?? 20;
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const [width, height] = [595.28, 841.89];
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([width, height]);
    if (n > drawn) continue;
    const ink = rgb(0.15, 0.15, 0.2);
    if (n === 1) {
      page.drawRectangle({ x: 0, y: height - 260, width, height: 260, color: BLOCK_COLOURS[0] });
      page.drawText(title, { x: 48, y: height - 150, size: 34, font: bold, color: rgb(1, 1, 1) });
      page.drawText('Layout proofs for review', { x: 48, y: height - 190, size: 16, font: regular, color: rgb(1, 1, 1) });
    } else {
      page.drawText(`${n - 1}. Section ${n - 1}`, { x: 48, y: height - 80, size: 24, font: bold, color: ink });
    }
    // Layout blocks: a different arrangement on every page (columns, sizes and colours move with n).
    const columns = 1 + (n % 3);
    const gap = 16;
    const blockWidth = (width - 96 - gap * (columns - 1)) / columns;
    const rows = n === 1 ? 2 : 3;
    for (let row = 0; row < rows; row++) {
      const rowTop = height - (n === 1 ? 300 : 130) - row * 200;
      const blockHeight = 80 + ((n * 17 + row * 23) % 50);
      for (let col = 0; col < columns; col++) {
        const colour = BLOCK_COLOURS[(n + row + col) % BLOCK_COLOURS.length] as ReturnType<typeof rgb>;
        page.drawRectangle({
          x: 48 + col * (blockWidth + gap),
          y: rowTop - blockHeight,
          width: blockWidth,
          height: blockHeight,
          color: colour,
        });
      }
      page.drawText(`Heading ${row + 1}: spread ${n}, the copy reads here`, {
        x: 48,
        y: rowTop - blockHeight - 20,
        size: 11,
        font: regular,
        color: ink,
      });
    }
    page.drawText(`${n} / ${pages}`, { x: width / 2 - 14, y: 28, size: 10, font: regular, color: ink });
  }
  return pdf.save();
}

/** The "VP8 " chunk of a simple-format lossy WebP (RIFF, WEBP, then that chunk): a VP8 keyframe. */
export function vp8FrameOfWebp(webp: Uint8Array): Uint8Array {
  const view = new DataView(webp.buffer, webp.byteOffset, webp.byteLength);
  const fourcc = (at: number) => String.fromCharCode(...webp.subarray(at, at + 4));
  if (fourcc(0) !== 'RIFF' || fourcc(8) !== 'WEBP' || fourcc(12) !== 'VP8 ') throw new Error('not a simple lossy WebP');
  return webp.subarray(20, 20 + view.getUint32(16, true));
}

function frameSvg(i: number, frames: number, width: number, height: number): string {
  const t = i / frames;
  const x = 40 + t * (width - 160);
  const hue = Math.round(200 + t * 120);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="hsl(${hue},55%,35%)"/>
  <circle cx="${x.toFixed(0)}" cy="${(height / 2 + Math.sin(t * Math.PI * 4) * 80).toFixed(0)}" r="50" fill="#ffd166"/>
  <rect x="0" y="${height - 40}" width="${(t * width).toFixed(0)}" height="12" fill="#ffffff" opacity="0.8"/>
  <text x="24" y="48" font-family="sans-serif" font-size="28" fill="#ffffff">Portico demo reel ${(i / 12).toFixed(1)} s</text>
</svg>`;
}

/** ≈3 s of 640 × 360 VP8 at 12 fps in WebM, every frame a keyframe. */
export async function demoVideo(opts: { seconds?: number; fps?: number } = {}): Promise<Uint8Array> {
  const [width, height] = [640, 360];
  const fps = opts.fps ?? 12;
  const frames = Math.round((opts.seconds ?? 3) * fps);
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const video = new EncodedVideoPacketSource('vp8');
  output.addVideoTrack(video, { frameRate: fps });
  await output.start();
  for (let i = 0; i < frames; i++) {
    const webp = await sharp(Buffer.from(frameSvg(i, frames, width, height)))
      .removeAlpha()
      .webp({ quality: 70 })
      .toBuffer();
    const packet = new EncodedPacket(vp8FrameOfWebp(webp), 'key', i / fps, 1 / fps);
    await video.add(packet, i === 0 ? { decoderConfig: { codec: 'vp8', codedWidth: width, codedHeight: height } } : undefined);
  }
  await output.finalize();
  return new Uint8Array(output.target.buffer as ArrayBuffer);
}

/**
 * A WebM with one Opus audio track and no video (a voice memo exported as .webm): one second of
 * Opus silence frames (TOC 0xF8: CELT, fullband, 20 ms, mono; then the two-byte silent frame).
 */
export async function demoAudioOnlyWebm(): Promise<Uint8Array> {
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const audio = new EncodedAudioPacketSource('opus');
  output.addAudioTrack(audio);
  await output.start();
  for (let i = 0; i < 50; i++) {
    const packet = new EncodedPacket(new Uint8Array([0xf8, 0xff, 0xfe]), 'key', i * 0.02, 0.02);
    await audio.add(packet, i === 0 ? { decoderConfig: { codec: 'opus', numberOfChannels: 1, sampleRate: 48_000 } } : undefined);
  }
  await output.finalize();
  return new Uint8Array(output.target.buffer as ArrayBuffer);
}

/**
 * A PDF that opens only with a password, as a PDF editor's "require a password to open" writes it:
 * the standard security handler (RC4, revision 2) in the trailer's /Encrypt dictionary. Its /U
 * value is not the one the empty password gives, so no reader opens it without the password (which
 * nobody knows: the fixture is for refusals only, its content stays unencrypted).
 */
export async function demoLockedPdf(): Promise<Uint8Array> {
  const plain = Buffer.from(await (await PDFDocument.load(await demoPdf(1, 'Contract draft'))).save({ useObjectStreams: false }));
  const hex = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(32, 1)}> /U <${hex(32, 7)}> /P -4 >> /ID [<${hex(16, 3)}> <${hex(16, 3)}>]`;
  // The trailer follows the cross-reference table, so no object's offset moves.
  const text = plain.toString('latin1');
  if (!/trailer\s*<</.test(text)) throw new Error('pdf-lib wrote no classic trailer');
  return Buffer.from(
    text.replace(/trailer\s*<</, (m) => `${m}\n${encrypt}\n`),
    'latin1',
  );
}
