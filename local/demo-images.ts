// Sample photographs for the demo studio, drawn here (no downloads): soft gradient "landscapes"
// with a sun and hills, different for every seed, encoded as real JPEGs by sharp with camera EXIF,
// so the demo originals go through the image pipeline like real uploads.
import sharp from 'sharp';

const PALETTES = [
  ['#f6d365', '#fda085', '#5b4b8a'],
  ['#a1c4fd', '#c2e9fb', '#2d6a4f'],
  ['#fbc2eb', '#a6c1ee', '#3a506b'],
  ['#fddb92', '#d1fdff', '#40916c'],
  ['#ff9a9e', '#fecfef', '#6d597a'],
  ['#84fab0', '#8fd3f4', '#1d3557'],
] as const;

function svg(seed: number, width: number, height: number, label: string): string {
  const [sky1, sky2, land] = PALETTES[seed % PALETTES.length] as readonly [string, string, string];
  const sunX = 0.2 + ((seed * 37) % 60) / 100;
  const hill = (offset: number, amp: number, opacity: number) => {
    const y0 = height * (0.62 + offset);
    let d = `M0 ${height} L0 ${y0}`;
    for (let x = 0; x <= width; x += width / 8) {
      d += ` L${x.toFixed(0)} ${(y0 - Math.sin((x / width) * Math.PI * (2 + (seed % 3)) + seed) * amp).toFixed(0)}`;
    }
    return `<path d="${d} L${width} ${height} Z" fill="${land}" opacity="${opacity}"/>`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky1}"/><stop offset="1" stop-color="${sky2}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>
  <circle cx="${(width * sunX).toFixed(0)}" cy="${(height * 0.32).toFixed(0)}" r="${(height * 0.11).toFixed(0)}" fill="#fff8e7" opacity="0.85"/>
  ${hill(0, height * 0.06, 0.55)}${hill(0.1, height * 0.05, 0.8)}${hill(0.2, height * 0.04, 1)}
  <text x="${width - 24}" y="${height - 24}" font-family="sans-serif" font-size="${Math.round(height / 22)}" fill="#ffffff" text-anchor="end" opacity="0.9">${label}</text>
</svg>`;
}

export interface DemoCapture {
  /** Camera clock time, written as EXIF DateTimeOriginal (local time, no zone). */
  takenAt: Date;
  make: string;
  model: string;
  /** A portrait photo, stored the way cameras store them: landscape pixels plus EXIF orientation 6. */
  portrait: boolean;
}

const exifDate = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':');

/** An original as a camera would write it: a JPEG with DateTimeOriginal, Make, Model and Orientation. */
export async function demoPhoto(seed: number, label: string, capture: DemoCapture): Promise<Buffer> {
  const [width, height] = capture.portrait ? [1200, 1800] : [1800, 1200];
  // Orientation 6 means "turn 90° clockwise to view", so the pixels are stored turned the other way.
  const image = sharp(Buffer.from(svg(seed, width, height, label))).rotate(capture.portrait ? -90 : 0);
  return image
    .jpeg({ quality: 82, mozjpeg: true })
    .withMetadata({ orientation: capture.portrait ? 6 : 1 })
    .withExifMerge({
      IFD0: { Make: capture.make, Model: capture.model },
      IFD2: { DateTimeOriginal: exifDate(capture.takenAt), SubSecTimeOriginal: String(seed % 100).padStart(2, '0') },
    })
    .toBuffer();
}

export async function demoLogo(initial: string, colour: string): Promise<Buffer> {
  const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
  <rect width="256" height="256" rx="56" fill="${colour}"/>
  <text x="128" y="168" font-family="Georgia, serif" font-size="140" fill="#ffffff" text-anchor="middle">${initial}</text>
</svg>`;
  return sharp(Buffer.from(logo)).png().toBuffer();
}

/**
 * A logo suite on one sheet, as an identity studio presents it: the mark and wordmark on light, on
 * the brand colour and on dark, and a row of colour swatches.
 */
export async function demoLogoSheet(name: string, colours: readonly [string, string, string]): Promise<Buffer> {
  const [brand, dark, accent] = colours;
  const label = name.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const panel = (x: number, bg: string, ink: string) => `<g transform="translate(${x} 80)">
    <rect width="440" height="420" rx="24" fill="${bg}"/>
    <circle cx="220" cy="170" r="86" fill="none" stroke="${ink}" stroke-width="14"/>
    <path d="M170 210 L220 110 L270 210 Z" fill="${ink}"/>
    <text x="220" y="340" font-family="Georgia, serif" font-size="38" fill="${ink}" text-anchor="middle">${label}</text>
  </g>`;
  const swatches = [brand, dark, accent, '#f4efe6', '#c9b79c']
    .map((c, i) => `<rect x="${80 + i * 200}" y="580" width="170" height="110" rx="12" fill="${c}"/>`)
    .join('');
  const sheet = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="800">
  <rect width="1600" height="800" fill="#fbfaf7"/>
  ${panel(80, '#ffffff', dark)}${panel(580, brand, '#ffffff')}${panel(1080, dark, accent)}
  ${swatches}
  <text x="1520" y="760" font-family="sans-serif" font-size="22" fill="#6b6b6b" text-anchor="end">Logo suite · primary, reversed, on dark</text>
</svg>`;
  return sharp(Buffer.from(sheet)).png().toBuffer();
}
