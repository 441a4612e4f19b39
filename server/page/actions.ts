"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { formAll, formText } from "@/lib/form-data";
import { requireStaff } from "@/server/auth/session";
import { updatePageSettings } from "@/server/page/mutations";
import { pageSettingsSchema } from "@/server/page/schema";

/** Footer links arrive as parallel label/url fields; rows left entirely empty are dropped. */
function footerLinks(form: FormData): { label: string; url: string }[] {
  const labels = formAll(form, "footerLabel");
  const urls = formAll(form, "footerUrl");
  return labels
    .map((label, i) => ({ label, url: urls[i] ?? "" }))
    .filter((link) => link.label.trim() !== "" || link.url.trim() !== "");
}

export async function updatePageSettingsAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("page.manage");
    const input = pageSettingsSchema.parse({
      name: formText(form, "name"),
      url: formText(form, "url"),
      timeZone: formText(form, "timeZone"),
      description: formText(form, "description"),
      logoUrl: formText(form, "logoUrl"),
      brandColor: formText(form, "brandColor"),
      footerLinks: footerLinks(form),
    });
    await updatePageSettings(actor, input);
    revalidatePath("/console/settings");
    revalidatePath("/");
    return null;
  });
}
