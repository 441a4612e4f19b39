"use client";

import { RowActions } from "@/components/catalog/row-actions";
import {
  moveComponentAction,
  moveGroupAction,
  setComponentArchivedAction,
  setGroupArchivedAction,
} from "@/server/components/admin/actions";

// The per-row buttons of the components page. Moving works one step at a time with buttons (no drag and
// drop), so it works by keyboard, with a screen reader and on a phone.

export function ComponentRowActions({ id, name, isFirst, isLast, archived }: { id: string; name: string; isFirst: boolean; isLast: boolean; archived: boolean }) {
  if (archived) {
    return <RowActions actions={[{ label: "Restore", ariaLabel: `Restore ${name}`, run: () => setComponentArchivedAction(id, false) }]} />;
  }
  return (
    <RowActions
      actions={[
        { label: "↑", ariaLabel: `Move ${name} up`, run: () => moveComponentAction(id, "up"), disabled: isFirst },
        { label: "↓", ariaLabel: `Move ${name} down`, run: () => moveComponentAction(id, "down"), disabled: isLast },
        {
          label: "Archive",
          ariaLabel: `Archive ${name}`,
          run: () => setComponentArchivedAction(id, true),
          confirm: `Archive ${name}? It leaves the public page; its history is kept and you can restore it.`,
          variant: "danger",
        },
      ]}
    />
  );
}

export function GroupRowActions({ id, name, isFirst, isLast, archived }: { id: string; name: string; isFirst: boolean; isLast: boolean; archived: boolean }) {
  if (archived) {
    return <RowActions actions={[{ label: "Restore", ariaLabel: `Restore group ${name}`, run: () => setGroupArchivedAction(id, false) }]} />;
  }
  return (
    <RowActions
      actions={[
        { label: "↑", ariaLabel: `Move group ${name} up`, run: () => moveGroupAction(id, "up"), disabled: isFirst },
        { label: "↓", ariaLabel: `Move group ${name} down`, run: () => moveGroupAction(id, "down"), disabled: isLast },
        { label: "Archive group", ariaLabel: `Archive group ${name}`, run: () => setGroupArchivedAction(id, true), variant: "danger" },
      ]}
    />
  );
}
