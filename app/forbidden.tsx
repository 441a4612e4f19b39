import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl space-y-4 px-4 py-12">
      <h1 className="text-2xl font-bold">Not allowed</h1>
      <p>Your roles do not allow this page. An admin can change your roles.</p>
      <Link href="/console" className="underline">
        Back to the console
      </Link>
    </main>
  );
}
