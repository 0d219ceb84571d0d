/**
 * Writing output files atomically: content goes to a temporary file beside the target
 * and is renamed into place only when complete, so a crash, an error or Ctrl-C never
 * leaves a half-written file under the real name.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname, basename, join } from "node:path";

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempName(path);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * A text file written in chunks (for large outputs such as traces), committed with
 * `commit()` or thrown away with `abort()`.
 */
export class AtomicWriter {
  private readonly tmp: string;
  private fd: number;
  private buf = "";
  private done = false;

  constructor(readonly path: string, private readonly chunk = 1 << 20) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = tempName(path);
    this.fd = openSync(this.tmp, "w");
    AtomicWriter.open.add(this);
  }

  write(s: string): void {
    this.buf += s;
    if (this.buf.length >= this.chunk) this.flush();
  }

  /** Write bytes (a PNG, say) after whatever text is buffered. */
  writeBytes(b: Uint8Array): void {
    this.flush();
    let off = 0;
    while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
  }

  private flush(): void {
    if (this.buf.length > 0) {
      writeSync(this.fd, this.buf);
      this.buf = "";
    }
  }

  commit(): void {
    if (this.done) return;
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
    this.done = true;
    AtomicWriter.open.delete(this);
  }

  abort(): void {
    if (this.done) return;
    try { closeSync(this.fd); } catch { /* already closed */ }
    rmSync(this.tmp, { force: true });
    this.done = true;
    AtomicWriter.open.delete(this);
  }

  /** Writers not yet committed (aborted on exit by the CLI). */
  static readonly open = new Set<AtomicWriter>();
  static abortAll(): void {
    for (const w of [...AtomicWriter.open]) w.abort();
  }
}
