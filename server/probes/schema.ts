import { z } from "zod";
import { COMPONENT_STATUSES } from "@/server/components/status";

// Probes as staff define them and as agents receive them. Client-safe: the console's form uses the same rules.

export const PROBE_KINDS = ["http", "tcp", "push"] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** A condition on a JSON response: the value at a dot path such as `status.db` or `items[0].ok`. */
export const jsonPathConditionSchema = z.object({
  path: z.string().trim().min(1).max(200).regex(/^\$?\.?[\w-]+(\[\d+\])?(\.[\w-]+(\[\d+\])?)*$/, "Use a dot path such as status.db or items[0].ok."),
  op: z.enum(["equals", "not_equals", "contains", "exists"]),
  /** Compared as text (numbers and booleans too); ignored for "exists". */
  value: z.string().max(500).default(""),
});
export type JsonPathCondition = z.infer<typeof jsonPathConditionSchema>;

export const httpConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/, message: "Enter a full http:// or https:// URL." }).max(2000),
  method: z.enum(HTTP_METHODS).default("GET"),
  headers: z.record(z.string().min(1).max(200), z.string().max(2000)).default({}),
  body: z.string().max(10_000).nullish().transform((v) => v || null),
  /** Status codes that count as up; empty means any 2xx. */
  expectedStatus: z.array(z.number().int().min(100).max(599)).max(50).default([]),
  bodyContains: z.string().max(500).nullish().transform((v) => v || null),
  jsonPath: jsonPathConditionSchema.nullish().transform((v) => v ?? null),
  followRedirects: z.boolean().default(true),
  /** Warn when the TLS certificate expires within this many days (https only); null: never. */
  certExpiryWarnDays: z.number().int().min(1).max(365).nullish().transform((v) => v ?? null),
});
export type HttpConfig = z.infer<typeof httpConfigSchema>;

export const tcpConfigSchema = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
});
export type TcpConfig = z.infer<typeof tcpConfigSchema>;

export const pushConfigSchema = z.object({});

/** What a runner (the worker or an agent) needs to run one probe. */
export const runnableProbeSchema = z.discriminatedUnion("kind", [
  z.object({ id: z.string(), kind: z.literal("http"), intervalSeconds: z.number().int(), timeoutMs: z.number().int(), degradedThresholdMs: z.number().int().nullable(), config: httpConfigSchema }),
  z.object({ id: z.string(), kind: z.literal("tcp"), intervalSeconds: z.number().int(), timeoutMs: z.number().int(), degradedThresholdMs: z.number().int().nullable(), config: tcpConfigSchema }),
]);
export type RunnableProbe = z.infer<typeof runnableProbeSchema>;

const probeFields = {
  componentId: z.string().trim().min(1, "Choose a component."),
  name: z.string().trim().min(1, "Enter a name.").max(120),
  /** Seconds between checks. */
  intervalSeconds: z.coerce.number().int().min(10, "At least 10 seconds.").max(86_400),
  /** How long one check may take, in milliseconds. */
  timeoutMs: z.coerce.number().int().min(100).max(60_000),
  /** Slower than this (ms) is degraded_performance, not down; null for no threshold. */
  degradedThresholdMs: z.coerce.number().int().min(1).max(60_000).nullish().transform((v) => v ?? null),
  failThreshold: z.coerce.number().int().min(1).max(10).default(2),
  recoverThreshold: z.coerce.number().int().min(1).max(10).default(2),
  /** Location ids it runs from (push probes are received by the built-in location). */
  locationIds: z.array(z.string().min(1)).max(50).default([]),
  enabled: z.boolean().default(true),
};

export const createProbeSchema = z.discriminatedUnion("kind", [
  z.object({ ...probeFields, kind: z.literal("http"), config: httpConfigSchema }),
  z.object({ ...probeFields, kind: z.literal("tcp"), config: tcpConfigSchema }),
  z.object({ ...probeFields, kind: z.literal("push"), config: pushConfigSchema.default({}) }),
]);
export type CreateProbeInput = z.infer<typeof createProbeSchema>;

export const updateProbeSchema = createProbeSchema;
export type UpdateProbeInput = CreateProbeInput;

export const probeOutcomeSchema = z.enum(["up", "degraded", "down"]);

/** One check's result as a runner reports it. The id is made by the runner, so a resend is stored once. */
export const probeResultSchema = z.object({
  id: z.uuid(),
  probeId: z.string().min(1).max(64),
  at: z.iso.datetime(),
  outcome: probeOutcomeSchema,
  latencyMs: z.number().int().min(0).max(600_000).nullable(),
  statusCode: z.number().int().min(0).max(999).nullable(),
  error: z.string().max(500).nullable(),
});
export type ProbeResultInput = z.infer<typeof probeResultSchema>;

export const resultBatchSchema = z.object({ results: z.array(probeResultSchema).min(1).max(1000) });

export const createLocationSchema = z.object({ name: z.string().trim().min(1, "Enter a name.").max(60).regex(/^[\w .-]+$/, "Letters, digits, spaces, dots and dashes.") });

export const overrideSchema = z.object({
  status: z.enum(COMPONENT_STATUSES),
  /** Internal: why. Never public. */
  reason: z.string().trim().min(1, "Say why.").max(1000),
  /** When the override ends by itself; null: until lifted. */
  expiresAt: z.iso.datetime({ offset: true }).nullish().transform((v) => (v ? new Date(v) : null)),
});
export type OverrideInput = z.infer<typeof overrideSchema>;

export const probeViewSchema = z.object({
  id: z.string(),
  componentId: z.string(),
  componentName: z.string(),
  name: z.string(),
  kind: z.enum(PROBE_KINDS),
  intervalSeconds: z.number(),
  timeoutMs: z.number(),
  degradedThresholdMs: z.number().nullable(),
  failThreshold: z.number(),
  recoverThreshold: z.number(),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  locations: z.array(
    z.object({
      locationId: z.string(),
      locationName: z.string(),
      health: z.enum(["unknown", "up", "degraded", "down"]),
      stale: z.boolean(),
      lastResultAt: z.string().nullable(),
      lastLatencyMs: z.number().nullable(),
      lastError: z.string().nullable(),
    }),
  ),
});
export type ProbeView = z.infer<typeof probeViewSchema>;

export const locationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  tokenPrefix: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  stale: z.boolean(),
  probes: z.number(),
});
export type LocationView = z.infer<typeof locationViewSchema>;

export const checkResultSchema = z.object({
  outcome: probeOutcomeSchema,
  latencyMs: z.number().nullable(),
  statusCode: z.number().nullable(),
  error: z.string().nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;
