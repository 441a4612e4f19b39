import { z } from "zod";

// Maintenance windows as communicators schedule and run them (console and staff API). Client-safe.

export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

export const MAINTENANCE_STATUS_LABELS: Record<MaintenanceStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

/** An instant with its offset, e.g. "2026-11-26T06:00:00-05:00" or "…Z". */
const instant = z.iso.datetime({ offset: true, message: "Enter a date and time with its offset, e.g. 2026-11-26T06:00:00Z." }).transform((v) => new Date(v));

const name = z.string().trim().min(1, "Enter a title.").max(200, "Use at most 200 characters.");
/** Markdown, shown to the public (sanitized when rendered). */
const message = z.string().trim().max(10_000, "Use at most 10,000 characters.");
const optionalMessage = message.optional().transform((v) => v || undefined);

export const scheduleMaintenanceSchema = z
  .object({
    name,
    /** The notice shown with the window (Markdown). */
    body: message.default(""),
    scheduledFor: instant,
    scheduledUntil: instant,
    componentIds: z.array(z.string().min(1)).min(1, "Choose at least one affected component.").max(200),
    /** Start by itself at scheduledFor (otherwise a communicator starts it). */
    autoStart: z.boolean().default(true),
    /** Complete by itself at scheduledUntil (otherwise a communicator ends it). */
    autoComplete: z.boolean().default(true),
  })
  .refine((v) => v.scheduledUntil > v.scheduledFor, { message: "The window must end after it starts.", path: ["scheduledUntil"] });
export type ScheduleMaintenanceInput = z.infer<typeof scheduleMaintenanceSchema>;

/** Name and notice may change at any time; times, components and automation only before the window starts. */
export const editMaintenanceSchema = z
  .object({
    name,
    body: message,
    scheduledFor: instant,
    scheduledUntil: instant,
    componentIds: z.array(z.string().min(1)).min(1, "Choose at least one affected component.").max(200),
    autoStart: z.boolean(),
    autoComplete: z.boolean(),
  })
  .partial();
export type EditMaintenanceInput = z.infer<typeof editMaintenanceSchema>;

export const postMaintenanceUpdateSchema = z.object({
  body: message.min(1, "Write the update."),
  /** Move a running window between in progress and verifying; leave out to keep its status. */
  status: z.enum(["in_progress", "verifying"]).optional(),
});
export type PostMaintenanceUpdateInput = z.infer<typeof postMaintenanceUpdateSchema>;

export const extendMaintenanceSchema = z.object({ scheduledUntil: instant, body: optionalMessage });
export type ExtendMaintenanceInput = z.infer<typeof extendMaintenanceSchema>;

/** Ending early, starting now and cancelling take an optional public message. */
export const maintenanceMessageSchema = z.object({ body: optionalMessage });
export type MaintenanceMessageInput = z.infer<typeof maintenanceMessageSchema>;

export const maintenanceUpdateViewSchema = z.object({
  id: z.string(),
  status: z.enum(MAINTENANCE_STATUSES),
  body: z.string(),
  displayAt: z.string(),
  author: z.string().nullable(),
});

export const maintenanceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  status: z.enum(MAINTENANCE_STATUSES),
  /** Set when it was cancelled before starting (status is then completed). */
  cancelledAt: z.string().nullable(),
  scheduledFor: z.string(),
  scheduledUntil: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  autoStart: z.boolean(),
  autoComplete: z.boolean(),
  components: z.array(z.object({ id: z.string(), name: z.string() })),
  updates: z.array(maintenanceUpdateViewSchema),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type MaintenanceView = z.infer<typeof maintenanceViewSchema>;

export const maintenanceListQuerySchema = z.object({
  /** upcoming: scheduled; active: in progress or verifying; past: completed or cancelled. All when left out. */
  scope: z.enum(["upcoming", "active", "past"]).optional(),
});
