// Draws the add-in icons (a Rijksblauw tile with three falling bars) as PNGs in assets/. Run once: node scripts/make-icons.js
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
const blue = [0x15, 0x42, 0x73, 255];
const white = [255, 255, 255, 255];
const orange = [0xe1, 0x70, 0x00, 255];
const clear = [0, 0, 0, 0];
function pixel(x, y, s) {
  const u = (x + 0.5) / s;
  const v = (y + 0.5) / s;
  const r = 0.16;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return clear;
  const bars = [
    [0.2, 0.36, 0.22],
    [0.42, 0.58, 0.36],
    [0.64, 0.8, 0.52],
  ];
  for (const [x0, x1, top] of bars) if (u >= x0 && u < x1 && v >= top && v < 0.8) return white;
  if (v >= 0.83 && v < 0.88 && u >= 0.2 && u < 0.8) return orange;
  return blue;
}
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), png(size, pixel));
}
console.log("icons written");
