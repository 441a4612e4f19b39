import fs from "node:fs";
import path from "node:path";
import { probeResultSchema, type ProbeResultInput } from "@/server/probes/schema";

// The agent's results on disk until the server has them: an append-only log of JSON lines plus the
// byte offset the server has acknowledged (replaced atomically). A result is written before it is
// sent and the offset moves only after the server answered, so a crash at any moment loses nothing;
// what was sent but not acknowledged is sent again, and the server stores each result id once.
// Synchronous file calls keep appends and acknowledgements from interleaving inside one process.

const COMPACT_BYTES = 16 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

export class Spool {
  private readonly log: string;
  private readonly offsetFile: string;

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.log = path.join(dir, "results.log");
    this.offsetFile = path.join(dir, "results.offset");
    if (!fs.existsSync(this.log)) fs.writeFileSync(this.log, "");
  }

  append(result: ProbeResultInput): void {
    fs.appendFileSync(this.log, `${JSON.stringify(result)}\n`);
  }

  private offset(): number {
    try {
      const n = Number(fs.readFileSync(this.offsetFile, "utf8"));
      const size = fs.statSync(this.log).size;
      // Past the end: the log was compacted after everything in it was acknowledged.
      return Number.isFinite(n) && n >= 0 && n <= size ? n : 0;
    } catch {
      return 0;
    }
  }

  /** The oldest unacknowledged results (at most `max`), and the offset that acknowledges them. */
  peek(max: number): { results: ProbeResultInput[]; end: number } {
    const start = this.offset();
    const fd = fs.openSync(this.log, "r");
    try {
      const buffer = Buffer.alloc(READ_CHUNK);
      const read = fs.readSync(fd, buffer, 0, READ_CHUNK, start);
      const text = buffer.subarray(0, read).toString("utf8");
      const results: ProbeResultInput[] = [];
      let consumed = 0;
      while (results.length < max) {
        const nl = text.indexOf("\n", consumed);
        if (nl < 0) break; // a line still being written, or the end of the chunk
        const line = text.slice(consumed, nl);
        consumed = nl + 1;
        const parsed = probeResultSchema.safeParse(safeJson(line));
        if (parsed.success) results.push(parsed.data);
      }
      return { results, end: start + Buffer.byteLength(text.slice(0, consumed)) };
    } finally {
      fs.closeSync(fd);
    }
  }

  ack(end: number): void {
    const tmp = `${this.offsetFile}.tmp`;
    fs.writeFileSync(tmp, String(end));
    fs.renameSync(tmp, this.offsetFile);
    const size = fs.statSync(this.log).size;
    if (end === size && size > COMPACT_BYTES) {
      fs.truncateSync(this.log, 0);
      fs.writeFileSync(tmp, "0");
      fs.renameSync(tmp, this.offsetFile);
    }
  }

  /** Bytes not yet acknowledged. */
  pendingBytes(): number {
    return fs.statSync(this.log).size - this.offset();
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
