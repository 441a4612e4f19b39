import type { Metadata } from "next";
import { UserAdmin } from "@/components/staff/user-admin";
import { listStaffUsers } from "@/server/auth/data";
import { requireStaffPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const { user } = await requireStaffPage("user.manage", "/console/users");
  const users = await listStaffUsers();
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">Users and roles</h1>
      <UserAdmin users={users} selfId={user.id} />
    </div>
  );
}
