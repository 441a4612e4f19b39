// Reading HTML form submissions for server actions: strings stay strings (zod does the rest), missing
// fields are undefined, and a checkbox is true only when it was sent checked.

export function formText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/** A checkbox: browsers send it only when checked. */
export function formFlag(form: FormData, name: string): boolean {
  const value = form.get(name);
  return value === "on" || value === "true" || value === "1";
}

/** Every value of a repeated field (checkbox lists, multi-selects). */
export function formAll(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === "string");
}
