import { z } from "zod";
import { optionalText, optionalUrl } from "@/server/components/admin/schema";

// The page's settings as admins edit them. Client-safe.

/** True for IANA zone names this runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

const httpUrl = (message: string) => z.string().trim().max(2000).pipe(z.url({ protocol: /^https?$/, message }));

export const footerLinkSchema = z.object({
  label: z.string().trim().min(1, "Give every link a label.").max(60, "Keep labels under 60 characters."),
  url: httpUrl("Every link needs a full http:// or https:// address."),
});
export type FooterLink = z.infer<typeof footerLinkSchema>;

export const pageSettingsSchema = z.object({
  name: z.string().trim().min(1, "Enter the page's name.").max(120, "Use at most 120 characters."),
  /** The page's public base URL, used in links, feeds and the API. */
  url: httpUrl("Enter the page's full public address, starting with https://."),
  /** IANA time zone the public page shows times in; stored under its canonical name ("us/eastern" → "America/New_York"). */
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, "Choose a time zone such as Europe/Berlin or UTC.")
    .transform((v) => new Intl.DateTimeFormat("en-US", { timeZone: v }).resolvedOptions().timeZone),
  description: optionalText(500),
  logoUrl: optionalUrl,
  /** Accent colour, #rrggbb. */
  brandColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #2563eb.")
    .transform((v) => v.toLowerCase()),
  footerLinks: z.array(footerLinkSchema).max(10, "Use at most 10 footer links."),
});
export type PageSettingsInput = z.infer<typeof pageSettingsSchema>;

export const pageSettingsViewSchema = z.object({
  name: z.string(),
  url: z.string(),
  timeZone: z.string(),
  description: z.string().nullable(),
  logoUrl: z.string().nullable(),
  brandColor: z.string(),
  footerLinks: z.array(z.object({ label: z.string(), url: z.string() })),
  updatedAt: z.string().nullable(),
});
export type PageSettingsView = z.infer<typeof pageSettingsViewSchema>;
