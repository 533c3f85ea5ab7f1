/**
 * Renders resources/icon.svg into the icons electron-builder packs (issue 12): icon.png (1024 px,
 * the window icon on Linux), icons/NxN.png (the Linux desktop sizes), icon.ico (Windows) and
 * icon.icns (macOS). Both containers hold PNG images, which Windows Vista+ and macOS 10.7+ read.
 * Run after editing the SVG: `node scripts/make-icons.ts` (needs Chromium, as the PDF export does).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../src/main/reports/pdf-chromium.ts';

const RESOURCES = path.resolve(import.meta.dirname, '..', 'resources');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types holding PNG data, by pixel size (Apple's "icns" type list). */
const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

async function renderSizes(svg: string, sizes: number[]): Promise<Map<number, Buffer>> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  try {
    const page = await browser.newPage();
    const out = new Map<number, Buffer>();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      out.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** ICO: a 6-byte header, a 16-byte entry per image, then the PNGs (256 is written as 0). */
export function buildIco(images: [number, Buffer][]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(([size, png]) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(([, png]) => png)]);
}

/** ICNS: "icns" + total length, then elements of a 4-character type, length (header included) and PNG. */
export function buildIcns(elements: [string, Buffer][]): Buffer {
  const parts = elements.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

if (import.meta.main) {
  const svg = readFileSync(path.join(RESOURCES, 'icon.svg'), 'utf8');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])];
  const png = await renderSizes(svg, sizes);
  const at = (size: number) => png.get(size)!;
  mkdirSync(path.join(RESOURCES, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(path.join(RESOURCES, 'icons', `${size}x${size}.png`), at(size));
  writeFileSync(path.join(RESOURCES, 'icon.png'), at(1024));
  writeFileSync(path.join(RESOURCES, 'icon.ico'), buildIco(ICO_SIZES.map((size) => [size, at(size)])));
  writeFileSync(path.join(RESOURCES, 'icon.icns'), buildIcns(ICNS_TYPES.map(([type, size]) => [type, at(size)])));
  console.log(`icons written to ${RESOURCES}`);
}
