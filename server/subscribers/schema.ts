import { z } from "zod";

// Input of the public subscription forms and management pages. Safe for client components.

const idList = z.array(z.string().min(1).max(64)).max(500).default([]);

/** Which components a subscription covers. No component and no group chosen means all of them. */
export const componentScopeSchema = z.object({
  /** Component ids chosen one by one. */
  componentIds: idList,
  /** Group ids: a group covers its components at delivery time, including ones added later. */
  groupIds: idList,
});
export type ComponentScopeInput = z.infer<typeof componentScopeSchema>;

export const webhookUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the URL that should receive the notifications.")
  .max(2000, "That URL is too long.")
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a full URL starting with https://." }))
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), "The URL must not contain a user name or password.");

export const createWebhookSubscriptionSchema = componentScopeSchema.extend({ url: webhookUrlSchema });
export type CreateWebhookSubscriptionInput = z.infer<typeof createWebhookSubscriptionSchema>;

export const createEmailSubscriptionSchema = componentScopeSchema.extend({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That address is too long.")
    .pipe(z.email({ error: "Enter a valid email address." })),
});
export type CreateEmailSubscriptionInput = z.infer<typeof createEmailSubscriptionSchema>;

/** The management token from a subscription's link. */
export const manageTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid.");

/** Reads the component and group checkboxes of a form. */
export function scopeFromForm(form: FormData): { componentIds: string[]; groupIds: string[] } {
  const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return { componentIds: strings("componentIds"), groupIds: strings("groupIds") };
}
