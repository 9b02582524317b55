/**
 * The zip under the streamed report (src/cli/report-zip.ts): parts in the order they were added whatever
 * order zlib finishes them in, names without a leading slash, the format's limits refused with a message
 * instead of a corrupt file, and back-pressure that waits for the deflating to catch up.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Writable } from "stream";
import { unzipSync } from "fflate";
import { ReportZip } from "../../src/cli/report-zip";
import { OutputRefused, writeStreamAtomically } from "../../src/cli/output-file";

function collectingSink(): { sink: Writable; bytes: () => Uint8Array; ended: Promise<void> } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const ended = new Promise<void>((resolve) => sink.on("finish", () => resolve()));
  return { sink, bytes: () => Buffer.concat(chunks), ended };
}

/** The entry names in central-directory order, read from the end-of-central-directory record on. */
function centralDirectoryNames(zip: Uint8Array): string[] {
  const view = Buffer.from(zip);
  const end = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.readUInt16LE(at + 28);
    const extra = view.readUInt16LE(at + 30);
    const comment = view.readUInt16LE(at + 32);
    names.push(view.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

test("parts come out in the order they were added, whole, even when a later part is deflated first", async () => {
  const { sink, bytes, ended } = collectingSink();
  const zip = new ReportZip(sink);
  // A part of several megabytes takes zlib far longer than the small ones queued after it.
  const big = Buffer.from("<row>" + "x".repeat(40) + "</row>")
    .toString()
    .repeat(200_000);
  zip.append(big, { name: "/xl/worksheets/sheet1.xml" });
  for (let i = 2; i <= 20; i++) zip.append(`<sheet n="${i}"/>`, { name: `/xl/worksheets/sheet${i}.xml` });
  zip.append(new Uint8Array([1, 2, 3]), { name: "docProps/app.xml" });
  zip.finalize();
  await ended;
  const names = centralDirectoryNames(bytes());
  expect(names).toEqual([
    ...Array.from({ length: 20 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`),
    "docProps/app.xml",
  ]);
  const files = unzipSync(bytes());
  expect(Buffer.from(files["xl/worksheets/sheet1.xml"]).toString()).toBe(big);
  expect(Buffer.from(files["xl/worksheets/sheet7.xml"]).toString()).toBe('<sheet n="7"/>');
  expect([...files["docProps/app.xml"]]).toEqual([1, 2, 3]);
});

test("more parts than the format holds: refused with a message, nothing more reaches the sink", async () => {
  const { sink, bytes } = collectingSink();
  const zip = new ReportZip(sink, 6, 3);
  const errors: Error[] = [];
  zip.on("error", (e) => errors.push(e));
  for (let i = 1; i <= 5; i++) zip.append(`<a>${i}</a>`, { name: `part${i}.xml` });
  await zip.whenCaughtUp(0);
  zip.finalize();
  expect(errors[0]).toBeInstanceOf(OutputRefused);
  expect((errors[0] as OutputRefused).nl).toMatch(/meer dan 3 delen/);
  expect((errors[0] as OutputRefused).en).toMatch(/more than 3 parts/);
  // finalize after the failure repeats it to whoever waits for the end, and ends nothing
  expect(errors).toHaveLength(2);
  expect(sink.writableEnded).toBe(false);
  // no central directory was written: the sink holds no finished zip
  expect(Buffer.from(bytes()).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(false);
});

test("whenCaughtUp waits until at most the given number of parts are still being deflated", async () => {
  const { sink } = collectingSink();
  const zip = new ReportZip(sink);
  const text = "<c>1</c>".repeat(100_000);
  for (let i = 0; i < 6; i++) zip.append(text, { name: `p${i}.xml` });
  const pending = () => (zip as unknown as { pending: number }).pending;
  expect(pending()).toBe(6);
  await zip.whenCaughtUp(2);
  expect(pending()).toBeLessThanOrEqual(2);
  await zip.whenCaughtUp(0);
  expect(pending()).toBe(0);
});

test("a report refused while writing leaves the existing file as it was, and says why", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-zip-"));
  const out = path.join(dir, "rapport.xlsx");
  fs.writeFileSync(out, "the previous report");
  const refusal = writeStreamAtomically(out, async (sink) => {
    const zip = new ReportZip(sink, 6, 1);
    let failure: unknown = null;
    zip.on("error", (e) => (failure = e));
    zip.append("<a/>", { name: "a.xml" });
    zip.append("<b/>", { name: "b.xml" });
    if (failure) throw failure;
  });
  await expect(refusal).rejects.toBeInstanceOf(OutputRefused);
  await expect(refusal).rejects.toMatchObject({
    nl: expect.stringMatching(
      /^Kon .*rapport\.xlsx niet schrijven: het rapport krijgt meer dan 1 delen.*niet gewijzigd/,
    ),
    en: expect.stringMatching(/the report gets more than 1 parts.*left untouched/),
  });
  expect(fs.readFileSync(out, "utf8")).toBe("the previous report");
  expect(fs.readdirSync(dir)).toEqual(["rapport.xlsx"]);
  fs.rmSync(dir, { recursive: true, force: true });
});
