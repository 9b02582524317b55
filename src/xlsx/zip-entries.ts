/**
 * An .xlsx file's zip directory, read from its central directory: where each part's data is, how it is
 * stored, its checksum and sizes. What the streaming reader (stream-read.ts) needs to inflate a part, and what
 * the report's patch writer (patch-xlsx.ts) needs to copy a part unchanged without inflating it.
 */
import { inflateSync } from "fflate";
import { notXlsx } from "./zip-check";

export interface ZipEntry {
  /** 0 stored, 8 deflated */
  method: number;
  /** compressed size */
  size: number;
  uncompressedSize: number;
  crc: number;
  /** where the entry's data starts */
  data: number;
}

export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw notXlsx();
  const entries = new Map<string, ZipEntry>();
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let e = 0; e < count; e++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw notXlsx();
    entries.set(name, {
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      size: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      data: local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The entry's data as stored (compressed or not). */
export function raw(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  return bytes.subarray(e.data, e.data + e.size);
}

/** A small part, inflated whole (method 0 is stored, 8 deflated; anything else throws). */
export function inflated(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  return e.method === 0 ? raw(bytes, e) : inflateSync(raw(bytes, e));
}
