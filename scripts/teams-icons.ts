// Draws the Teams app icons into manifest/teams/: color.png (192×192, full colour) and outline.png
// (32×32, white on transparent), as Teams requires. Plain RGBA PNGs written with node:zlib; shapes are
// drawn with 4×4 supersampling for smooth edges. Run: npm run icons:teams
// https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
/** Tells whether a point (in 0..1 icon coordinates) is inside the shape. */
type Shape = (x: number, y: number) => boolean;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (row by row) as a PNG. */
export function encodePng(width: number, height: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Paints layers (shape, colour) over a background with 4×4 supersampling. */
function paint(size: number, background: Rgba, layers: Array<[Shape, Rgba]>): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color = background;
          for (const [shape, layerColor] of layers) if (shape(x, y)) color = layerColor;
          // Premultiplied accumulation keeps edges against transparency clean.
          const alpha = color[3] / 255;
          sum[0] = (sum[0] ?? 0) + color[0] * alpha;
          sum[1] = (sum[1] ?? 0) + color[1] * alpha;
          sum[2] = (sum[2] ?? 0) + color[2] * alpha;
          sum[3] = (sum[3] ?? 0) + color[3];
        }
      }
      const n = samples * samples;
      const alpha = (sum[3] ?? 0) / n;
      const offset = (py * size + px) * 4;
      const unpremultiply = (value: number | undefined): number => (alpha === 0 ? 0 : Math.round((value ?? 0) / n / (alpha / 255)));
      pixels[offset] = unpremultiply(sum[0]);
      pixels[offset + 1] = unpremultiply(sum[1]);
      pixels[offset + 2] = unpremultiply(sum[2]);
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x0: number, y0: number, x1: number, y1: number): Shape => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((shape) => shape(x, y));
const roundedSquare = (inset: number, radius: number): Shape => (x, y) => {
  const cx = Math.min(Math.max(x, inset + radius), 1 - inset - radius);
  const cy = Math.min(Math.max(y, inset + radius), 1 - inset - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
};

/** Three rising steps: the road from idea to closing. */
function steps(left: number, bottom: number, width: number, height: number): Shape {
  const w = width / 3;
  return union(
    rect(left, bottom - height / 3, left + w, bottom),
    rect(left + w, bottom - (2 * height) / 3, left + 2 * w, bottom),
    rect(left + 2 * w, bottom - height, left + 3 * w, bottom),
  );
}

/** Twelve dots on a ring, after the stars of the European flag. */
function ring(cx: number, cy: number, radius: number, dot: number): Shape {
  return union(...Array.from({ length: 12 }, (_, i) => circle(cx + radius * Math.sin((i * Math.PI) / 6), cy - radius * Math.cos((i * Math.PI) / 6), dot)));
}

const BLUE: Rgba = [0, 51, 153, 255];
const YELLOW: Rgba = [255, 204, 0, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The two icons as PNG files. */
export function drawTeamsIcons(): { color: Buffer; outline: Buffer } {
  const color = paint(192, CLEAR, [
    [roundedSquare(0, 0.18), BLUE],
    [ring(0.5, 0.5, 0.34, 0.035), YELLOW],
    [steps(0.3, 0.68, 0.4, 0.36), WHITE],
  ]);
  const outline = paint(32, CLEAR, [
    [ring(0.5, 0.5, 0.4, 0.055), WHITE],
    [steps(0.25, 0.75, 0.5, 0.5), WHITE],
  ]);
  return { color: encodePng(192, 192, color), outline: encodePng(32, 32, outline) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'manifest', 'teams');
  const { color, outline } = drawTeamsIcons();
  writeFileSync(join(dir, 'color.png'), color);
  writeFileSync(join(dir, 'outline.png'), outline);
  process.stdout.write(`wrote ${join(dir, 'color.png')} (${color.length} bytes) and ${join(dir, 'outline.png')} (${outline.length} bytes)\n`);
}
