import { LocalTime } from "@/components/status/local-time";

/** A moment in the viewer's time zone, UTC until the browser takes over. */
export function When({ iso }: { iso: string }) {
  return <LocalTime iso={iso} serverText={`${iso.slice(0, 16).replace("T", " ")} UTC`} />;
}
