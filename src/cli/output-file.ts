/**
 * The --out file: checked before anything is read (so a run is never wasted on an unwritable place), never
 * the input workbook however it is named (symbolic link, hard link, real path), and written to a temporary
 * file in the same folder that is renamed into place, so that a failed write leaves an old file untouched.
 */
import * as fs from "fs";
import * as path from "path";
import { Writable } from "stream";

/** A refusal in Dutch and English; the command line turns it into exit code 2. */
export class OutputRefused extends Error {
  constructor(
    public readonly nl: string,
    public readonly en: string,
  ) {
    super(en);
  }
}

function identity(file: string): { dev: number; ino: number } | null {
  try {
    const s = fs.statSync(file);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}

/** The real path of a file that may not exist yet: its folder's real path plus its name. */
function realTarget(file: string): string {
  const abs = path.resolve(file);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

function sameFile(a: string, b: string): boolean {
  if (realTarget(a) === realTarget(b)) return true;
  const x = identity(a);
  const y = identity(b);
  return x !== null && y !== null && x.dev === y.dev && x.ino === y.ino;
}

/**
 * Throws OutputRefused when `out` cannot or must not be written; `input` is a workbook being read, `option`
 * the command line's name for `out` in the message.
 */
export function checkOutputTarget(out: string, input: string, force: boolean, option = "--out"): void {
  if (sameFile(out, input)) {
    throw new OutputRefused(
      `${option} is een invoerwerkmap zelf (via een koppeling of een andere naam); die wordt nooit overschreven.`,
      `${option} is an input workbook itself (through a link or another name); it is never overwritten.`,
    );
  }
  let lst: fs.Stats | null = null;
  try {
    lst = fs.lstatSync(out);
  } catch {
    lst = null;
  }
  // What a link points at (null for a dangling link, which the rename simply replaces).
  let target: fs.Stats | null = null;
  try {
    target = lst ? fs.statSync(out) : null;
  } catch {
    target = null;
  }
  if (target && target.isDirectory()) {
    throw new OutputRefused(
      `${option} ${out} is een map, geen bestand.`,
      `${option} ${out} is a folder, not a file.`,
    );
  }
  if (lst && !force) {
    throw new OutputRefused(
      `${out} bestaat al; kies een andere naam of gebruik --force.`,
      `${out} already exists; choose another name or use --force to replace it.`,
    );
  }
  const folder = path.dirname(path.resolve(out));
  let folderStat: fs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch {
    throw new OutputRefused(`De map ${folder} bestaat niet.`, `The folder ${folder} does not exist.`);
  }
  if (!folderStat.isDirectory())
    throw new OutputRefused(`${folder} is geen map.`, `${folder} is not a folder.`);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    if (target) fs.accessSync(out, fs.constants.W_OK);
  } catch {
    throw new OutputRefused(
      `Geen schrijfrechten voor ${target ? out : folder}.`,
      `No permission to write ${target ? out : folder}.`,
    );
  }
}

/** A temporary file's name next to `out`, so that the final rename stays within one file system. */
function temporaryName(out: string): string {
  const abs = path.resolve(out);
  return path.join(
    path.dirname(abs),
    `.${path.basename(abs)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
}

/** bytes gathered before one write to the temporary file */
const WRITE_BATCH_BYTES = 1 << 20;

function writeAll(fd: number, data: Uint8Array): void {
  let written = 0;
  while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
}

/** After a failure: the temporary file closed and removed, and the error said in plain words. */
function failed(e: unknown, fd: number | null, temp: string, out: string): OutputRefused {
  if (fd !== null) {
    try {
      fs.closeSync(fd);
    } catch {
      /* already failing: the write error below is the one to report */
    }
  }
  try {
    fs.unlinkSync(temp);
  } catch {
    /* nothing was created */
  }
  // Refused while writing (a report too large for the format): its own words.
  if (e instanceof OutputRefused)
    return new OutputRefused(
      `Kon ${out} niet schrijven: ${e.nl} Een bestaand bestand is niet gewijzigd.`,
      `Could not write ${out}: ${e.en} An existing file was left untouched.`,
    );
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  const why: Record<string, [string, string]> = {
    ENOSPC: ["de schijf is vol", "the disk is full"],
    EFBIG: ["het bestand wordt groter dan toegestaan", "the file exceeds the allowed size"],
    EDQUOT: ["het schijfquotum is bereikt", "the disk quota is exceeded"],
    EACCES: ["geen schrijfrechten", "no permission to write"],
    EPERM: ["geen schrijfrechten", "no permission to write"],
    EROFS: ["alleen-lezen bestandssysteem", "read-only file system"],
    EIO: ["schrijffout van het apparaat", "device write error"],
  };
  const [nl, en] = why[code] ?? ["schrijven mislukt", "writing failed"];
  return new OutputRefused(
    `Kon ${out} niet schrijven: ${nl}${code ? ` (${code})` : ""}. Een bestaand bestand is niet gewijzigd.`,
    `Could not write ${out}: ${en}${code ? ` (${code})` : ""}. An existing file was left untouched.`,
  );
}

/**
 * Fills a new temporary file in `out`'s folder through `write`, then renames it into place: on any failure the
 * temporary file is removed, an existing `out` is untouched, and the error says why in plain words.
 */
async function replaceAtomically(out: string, write: (fd: number) => void | Promise<void>): Promise<void> {
  const temp = temporaryName(out);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, "wx", 0o644);
    await write(fd);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, path.resolve(out));
  } catch (e) {
    throw failed(e, fd, temp, out);
  }
}

/** Writes `data` to `out` whole, or not at all (replaceAtomically). */
export function writeFileAtomically(out: string, data: Uint8Array): Promise<void> {
  return replaceAtomically(out, (fd) => writeAll(fd, data));
}

/**
 * The same, for output made as a stream: `produce` writes into the sink it is given (each chunk goes on to
 * the temporary file, so nothing piles up in memory) and resolves once the sink has finished.
 */
export function writeStreamAtomically(
  out: string,
  produce: (sink: Writable) => Promise<void>,
): Promise<void> {
  return replaceAtomically(out, (fd) => {
    // The zip hands over many small pieces: gathered to about a megabyte per system call, since one
    // synchronous write per piece cost more than the compression itself.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = () => {
      if (pendingBytes === 0) return;
      const data = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      writeAll(fd, data);
    };
    const guarded = (step: () => void, callback: (error?: Error | null) => void) => {
      try {
        step();
        callback();
      } catch (e) {
        callback(e as Error);
      }
    };
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        guarded(() => {
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= WRITE_BATCH_BYTES) flush();
        }, callback);
      },
      final(callback) {
        guarded(flush, callback);
      },
    });
    return produce(sink);
  });
}
