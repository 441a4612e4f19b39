"use client";

import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldErrors, FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/action-result";
import { createUserAction, updateUserAction } from "@/server/auth/actions";
import { ROLE_LABELS, ROLES, type Role } from "@/server/auth/permissions";
import type { StaffUser } from "@/server/auth/schema";

function RoleBoxes({ name, checked, onChange }: { name: string; checked?: Role[]; onChange?: (roles: Role[]) => void }) {
  return (
    <fieldset className="flex flex-wrap gap-4">
      <legend className="sr-only">Roles</legend>
      {ROLES.map((role) => (
        <label key={role} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name={name}
            value={role}
            defaultChecked={checked?.includes(role)}
            onChange={
              onChange
                ? (e) => {
                    const set = new Set(checked);
                    if (e.target.checked) set.add(role);
                    else set.delete(role);
                    onChange(ROLES.filter((r) => set.has(r)));
                  }
                : undefined
            }
          />
          {ROLE_LABELS[role]}
        </label>
      ))}
    </fieldset>
  );
}

function UserRow({ user, isSelf }: { user: StaffUser; isSelf: boolean }) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const save = (input: { roles?: Role[]; disabled?: boolean }) =>
    start(async () => setResult(await updateUserAction(user.id, input)));
  return (
    <li className="space-y-2 p-3" data-testid="user-row" data-email={user.email}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium">
          {user.name} <span className="text-sm text-zinc-600 dark:text-zinc-400">{user.email}</span>
          {user.disabled ? <span className="ml-2 rounded bg-zinc-200 px-2 text-xs dark:bg-zinc-800">disabled</span> : null}
        </p>
        {isSelf ? <span className="text-xs">you</span> : null}
      </div>
      <RoleBoxes name={`roles-${user.id}`} checked={roles} onChange={setRoles} />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} onClick={() => save({ roles })}>
          Save roles
        </Button>
        <Button variant="secondary" disabled={pending || isSelf} onClick={() => save({ disabled: !user.disabled })}>
          {user.disabled ? "Enable" : "Disable"}
        </Button>
      </div>
      <FormStatus result={result} success="Saved." />
    </li>
  );
}

export function UserAdmin({ users, selfId }: { users: StaffUser[]; selfId: string }) {
  const [created, create, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(createUserAction, null);
  return (
    <div className="space-y-8">
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {users.map((u) => (
          <UserRow key={u.id} user={u} isSelf={u.id === selfId} />
        ))}
      </ul>
      <form action={create} className="max-w-md space-y-3">
        <h2 className="text-lg font-semibold">Add a staff member</h2>
        <Field label="Name" name="name" required errors={fieldErrors(created, "name")} />
        <Field label="Email" name="email" type="email" required errors={fieldErrors(created, "email")} />
        <Field label="Initial password" name="password" type="password" autoComplete="new-password" hint="Optional with single sign-on; at least 12 characters." errors={fieldErrors(created, "password")} />
        <RoleBoxes name="roles" />
        <p className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
          {fieldErrors(created, "roles")?.join(" ")}
        </p>
        <FormStatus result={created} success="Staff member added." />
        <Button type="submit" disabled={pending}>
          Add
        </Button>
      </form>
    </div>
  );
}
