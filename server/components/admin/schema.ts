import { z } from "zod";
import { COMPONENT_STATUSES } from "@/server/components/status";

// Components and groups as admins edit them. Client-safe: the console's forms use the same rules.

/** Trimmed text; empty means "none" (null). Undefined leaves a field unchanged on update. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null));

/** An http(s) link; empty means none. */
export const optionalUrl = z
  .string()
  .trim()
  .max(2000)
  .nullish()
  .transform((v) => (v === undefined ? undefined : v || null))
  .pipe(z.url({ protocol: /^https?$/, message: "Enter a full http:// or https:// link." }).nullish());

const name = z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");

const componentFields = {
  name,
  description: optionalText(500),
  /** The group the component is listed under; null for none. */
  groupId: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null)),
  /** Hide the component on the public page while it is operational. */
  onlyShowIfDegraded: z.boolean(),
  /** Shown on the public page at all (Statuspage's "showcase"). */
  showcase: z.boolean(),
  /** First day of public uptime history, YYYY-MM-DD; null for "since it was created". */
  startDate: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null))
    .pipe(z.iso.date("Enter a date as YYYY-MM-DD.").nullish()),
  /** Internal: the team that owns it. Never public. */
  ownerTeam: optionalText(120),
  /** Internal: how to reach the owners. Never public. */
  contacts: optionalText(1000),
  /** Internal: link to the runbook. Never public. */
  runbookUrl: optionalUrl,
};

export const createComponentSchema = z.object({
  ...componentFields,
  onlyShowIfDegraded: componentFields.onlyShowIfDegraded.default(false),
  showcase: componentFields.showcase.default(true),
});
export type CreateComponentInput = z.infer<typeof createComponentSchema>;

export const updateComponentSchema = z.object(componentFields).partial();
export type UpdateComponentInput = z.infer<typeof updateComponentSchema>;

export const createGroupSchema = z.object({ name, description: optionalText(500) });
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const updateGroupSchema = createGroupSchema.partial();
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;

export const moveSchema = z.object({ direction: z.enum(["up", "down"]) });
export type MoveDirection = z.infer<typeof moveSchema>["direction"];

export const adminComponentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  groupId: z.string().nullable(),
  position: z.number().int(),
  status: z.enum(COMPONENT_STATUSES),
  onlyShowIfDegraded: z.boolean(),
  showcase: z.boolean(),
  startDate: z.string().nullable(),
  ownerTeam: z.string().nullable(),
  contacts: z.string().nullable(),
  runbookUrl: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminComponent = z.infer<typeof adminComponentSchema>;

export const adminGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminGroup = z.infer<typeof adminGroupSchema>;

export const catalogSchema = z.object({ groups: z.array(adminGroupSchema), components: z.array(adminComponentSchema) });
export type Catalog = z.infer<typeof catalogSchema>;
