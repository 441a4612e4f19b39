import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// docs/BENCHMARKS.md holds one section per benchmark; each run rewrites only its own section.

const FILE = path.join(process.cwd(), "docs/BENCHMARKS.md");
const HEADER = "# Benchmarks\n\nFigures from `npm run bench:*` on the machine named in each section. Each run rewrites its own section.\n";

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} cores (${cpu.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

export function writeSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : HEADER;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.writeFileSync(FILE, next);
}
