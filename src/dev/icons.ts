/**
 * Draws the toolbar icon (a page with a title line and three text lines on a green tile) and writes
 * public/icons/icon-{16,32,48,128}.png. The design sits on a 16-pixel grid and every size is an integer
 * multiple of 16, so edges stay crisp; rounded corners are antialiased by supersampling.
 * Run with `npx tsx src/dev/icons.ts` after changing the design, and commit the PNGs.
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

type RGBA = readonly [number, number, number, number];

interface RoundRect {
  x0: number; y0: number; x1: number; y1: number;
  /** Corner radius, in grid units. */
  r: number;
  color: RGBA;
}

const TILE: RGBA = [0x1f, 0x6f, 0x5c, 255];
const INK: RGBA = [255, 255, 255, 255];
const TEXT: RGBA = [0xcd, 0xe8, 0xe0, 255];

/** The design, in 16-unit grid coordinates, back to front. */
const SHAPES: readonly RoundRect[] = [
  { x0: 0, y0: 0, x1: 16, y1: 16, r: 3.5, color: TILE },
  { x0: 3, y0: 3, x1: 11, y1: 5, r: 1, color: INK },
  { x0: 3, y0: 7, x1: 13, y1: 8, r: 0.5, color: TEXT },
  { x0: 3, y0: 9, x1: 13, y1: 10, r: 0.5, color: TEXT },
  { x0: 3, y0: 11, x1: 10, y1: 12, r: 0.5, color: TEXT },
];
const SIZES = [16, 32, 48, 128] as const;
/** Samples per pixel along each axis. */
const SUPERSAMPLE = 8;

function inside(s: RoundRect, x: number, y: number): boolean {
  if (x < s.x0 || x > s.x1 || y < s.y0 || y > s.y1) return false;
  const cx = Math.min(Math.max(x, s.x0 + s.r), s.x1 - s.r);
  const cy = Math.min(Math.max(y, s.y0 + s.r), s.y1 - s.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= s.r ** 2;
}

function render(size: number): Buffer {
  const scale = 16 / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Composite each shape's coverage over what is below ("over" operator, straight alpha).
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const shape of SHAPES) {
        let hits = 0;
        for (let sy = 0; sy < SUPERSAMPLE; sy++) {
          for (let sx = 0; sx < SUPERSAMPLE; sx++) {
            const x = (px + (sx + 0.5) / SUPERSAMPLE) * scale;
            const y = (py + (sy + 0.5) / SUPERSAMPLE) * scale;
            if (inside(shape, x, y)) hits++;
          }
        }
        const cov = (hits / SUPERSAMPLE ** 2) * (shape.color[3] / 255);
        if (cov === 0) continue;
        const outA = cov + a * (1 - cov);
        r = (shape.color[0] * cov + r * a * (1 - cov)) / outA;
        g = (shape.color[1] * cov + g * a * (1 - cov)) / outA;
        b = (shape.color[2] * cov + b * a * (1 - cov)) / outA;
        a = outA;
      }
      pixels.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return encodePng(size, size, pixels);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const path = new URL(`../../public/icons/icon-${size}.png`, import.meta.url);
  writeFileSync(path, render(size));
  console.log(`wrote public/icons/icon-${size}.png`);
}
