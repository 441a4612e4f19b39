// A readable difference between an audit entry's before and after. Pure; safe for client components.

export interface DiffLine {
  field: string;
  before: string | null;
  after: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function show(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null) return "—";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  return JSON.stringify(value);
}

/**
 * One line per field that differs, in the order fields first appear; a missing side shows as null.
 * Timestamps that change on every write (updatedAt) are left out: they say nothing a reader needs.
 */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  if (!isRecord(before) && !isRecord(after)) {
    const [b, a] = [show(before ?? undefined), show(after ?? undefined)];
    return b === a ? [] : [{ field: "value", before: b, after: a }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => f !== "updatedAt");
  return fields.flatMap((field) => {
    const [x, y] = [show(b[field]), show(a[field])];
    return x === y ? [] : [{ field, before: isRecord(before) ? x : null, after: isRecord(after) ? y : null }];
  });
}
