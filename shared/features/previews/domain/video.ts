// Videos, without ffmpeg: the container (MP4, MOV, WebM, MKV) is parsed by mediabunny, reading the
// original by ranges (only its header, index and one frame are fetched, never the whole file), for
// its video track, codec and duration. Browsers play what browserPlays() says; the rest is offered
// as a download.
//
// The poster frame: a VP8 keyframe is exactly the body of a lossy WebP image (WebP was made from
// VP8's keyframe coding), so a WebM's VP8 keyframe wrapped in a RIFF/WEBP/"VP8 " header is a WebP
// that sharp decodes. Other codecs (H.264, VP9, AV1, HEVC) need a real decoder: ffmpeg, when one is
// configured (FFMPEG_PATH), else no poster (the browser shows the first frame once it plays).
import { ALL_FORMATS, CustomSource, EncodedPacketSink, Input, type InputVideoTrack } from 'mediabunny';
import sharp from 'sharp';
import { OriginalMissing } from '../data.ts';
import { NoPreview, thumbOf, toWebp, WEBP, type WebpFile } from './image.ts';
import { browserPlays, codecName, REASONS } from './rules.ts';

export interface VideoFacts {
  playable: boolean;
  durationSeconds: number | null;
  codec: string | null;
  container: string;
  width: number;
  height: number;
  /** When the poster is taken: about a second in (a first frame is often black), or earlier in a short clip. */
  posterAt: number;
  /** The VP8 poster, when the codec allows one without a decoder. */
  poster: { full: WebpFile; thumb: WebpFile } | null;
  /** Why there is no poster (yet): the codec needs a decoder, or the frame would not decode. */
  posterProblem: string | null;
}

/** Wraps a VP8 keyframe into a lossy WebP file (RIFF "WEBP" with one "VP8 " chunk, padded to even). */
export function webpOfVp8Keyframe(frame: Uint8Array): Uint8Array {
  const pad = frame.length % 2;
  const out = new Uint8Array(20 + frame.length + pad);
  const view = new DataView(out.buffer);
  out.set([0x52, 0x49, 0x46, 0x46], 0); // RIFF
  view.setUint32(4, 12 + frame.length + pad, true);
  out.set([0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20], 8); // WEBP, "VP8 "
  view.setUint32(16, frame.length, true);
  out.set(frame, 20);
  return out;
}

/** A VP8 keyframe starts with the key-frame bit clear and the start code 9d 01 2a (RFC 6386 §9.1). */
const isVp8Keyframe = (frame: Uint8Array) =>
  frame.length > 10 && ((frame[0] as number) & 1) === 0 && frame[3] === 0x9d && frame[4] === 0x01 && frame[5] === 0x2a;

export async function probeVideo(source: { size: number; read: (start: number, end: number) => Promise<Uint8Array> }): Promise<VideoFacts> {
  const input = new Input({ formats: ALL_FORMATS, source: new CustomSource({ getSize: () => source.size, read: source.read }) });
  try {
    let track: InputVideoTrack | null;
    let container: string;
    try {
      container = (await input.getFormat()).name;
      track = await input.getPrimaryVideoTrack();
    } catch (error) {
      if (isMissing(error)) throw error;
      throw new NoPreview(REASONS.videoUnreadable, { cause: error });
    }
    if (!track) throw new NoPreview(REASONS.noVideoTrack);
    const codec = track.codec;
    let duration: number | null = null;
    try {
      duration = (await input.getDurationFromMetadata([track])) ?? (await input.computeDuration([track]));
    } catch (error) {
      if (isMissing(error)) throw error;
      // A damaged index loses the duration, not the preview: the browser finds it when it plays.
    }
    const durationSeconds = duration !== null && Number.isFinite(duration) && duration > 0 ? Math.round(duration * 1000) / 1000 : null;
    const posterAt = Math.min(1, (durationSeconds ?? 0) / 3);
    const facts: VideoFacts = {
      playable: browserPlays(container, codec),
      durationSeconds,
      codec,
      container,
      width: track.displayWidth,
      height: track.displayHeight,
      posterAt,
      poster: null,
      posterProblem: null,
    };
    if (codec !== 'vp8') {
      facts.posterProblem = `a ${codecName(codec)} frame needs a video decoder, and none is configured`;
      return facts;
    }
    try {
      const sink = new EncodedPacketSink(track);
      const packet = (await sink.getKeyPacket(posterAt, { verifyKeyPackets: true })) ?? (await sink.getFirstPacket());
      if (!packet || !isVp8Keyframe(packet.data)) {
        facts.posterProblem = 'the video has no readable keyframe';
        return facts;
      }
      facts.poster = await posterOf(Buffer.from(webpOfVp8Keyframe(packet.data)));
    } catch (error) {
      if (isMissing(error)) throw error;
      facts.posterProblem = 'the first keyframe could not be decoded';
    }
    return facts;
  } finally {
    input.dispose();
  }
}

/** The poster (full size, as WebP) and its thumb, from any encoded picture sharp reads. */
export async function posterOf(picture: Buffer): Promise<{ full: WebpFile; thumb: WebpFile }> {
  const full = await toWebp(sharp(picture).removeAlpha(), WEBP.preview);
  return { full, thumb: await thumbOf(full.body) };
}

const isMissing = (error: unknown) => error instanceof OriginalMissing;
