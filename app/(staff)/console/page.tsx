import Link from "next/link";
import { requireStaffPage } from "@/server/auth/session";

export default async function ConsoleOverviewPage() {
  const { user } = await requireStaffPage();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">Overview</h1>
      <p>Signed in as {user.email}.</p>
      <p>
        <Link className="underline" href="/">
          View the public page
        </Link>
      </p>
    </div>
  );
}
