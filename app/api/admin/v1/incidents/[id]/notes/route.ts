import { handleEndpoint } from "@/server/api/endpoint";
import { addNoteEndpoint } from "@/server/incidents/endpoints";
import { addNote } from "@/server/incidents/mutations";

// POST /api/admin/v1/incidents/{id}/notes: an internal note.
export const POST = handleEndpoint(addNoteEndpoint, ({ actor, body, params }) => addNote(actor, params.id ?? "", body));
