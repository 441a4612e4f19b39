import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { Spool } from "@/server/probes/agent/spool";
import type { ProbeResultInput } from "@/server/probes/schema";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "spool-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const result = (): ProbeResultInput => ({ id: randomUUID(), probeId: "p1", at: new Date().toISOString(), outcome: "up", latencyMs: 5, statusCode: 200, error: null });

describe("agent spool", () => {
  it("hands out results in order and forgets them only once acknowledged", () => {
    const dir = tmp();
    const spool = new Spool(dir);
    const made = Array.from({ length: 5 }, result);
    for (const r of made) spool.append(r);
    const first = spool.peek(3);
    expect(first.results.map((r) => r.id)).toEqual(made.slice(0, 3).map((r) => r.id));
    // Not acknowledged (the answer was lost): the same results again, also after a restart.
    expect(new Spool(dir).peek(3).results.map((r) => r.id)).toEqual(made.slice(0, 3).map((r) => r.id));
    spool.ack(first.end);
    expect(new Spool(dir).peek(10).results.map((r) => r.id)).toEqual(made.slice(3).map((r) => r.id));
    spool.ack(spool.peek(10).end);
    expect(spool.pendingBytes()).toBe(0);
    expect(spool.peek(10).results).toEqual([]);
  });

  it("skips a line cut short by a crash and keeps going after it", () => {
    const dir = tmp();
    const spool = new Spool(dir);
    const a = result();
    spool.append(a);
    fs.appendFileSync(path.join(dir, "results.log"), '{"id":"cut-sh\n');
    const b = result();
    spool.append(b);
    expect(spool.peek(10).results.map((r) => r.id)).toEqual([a.id, b.id]);
  });

  it("leaves a line still being written for the next read", () => {
    const dir = tmp();
    const spool = new Spool(dir);
    const a = result();
    spool.append(a);
    const partial = JSON.stringify(result());
    fs.appendFileSync(path.join(dir, "results.log"), partial.slice(0, 20));
    const { results, end } = spool.peek(10);
    expect(results.map((r) => r.id)).toEqual([a.id]);
    spool.ack(end);
    fs.appendFileSync(path.join(dir, "results.log"), `${partial.slice(20)}\n`);
    expect(spool.peek(10).results).toHaveLength(1);
  });
});
