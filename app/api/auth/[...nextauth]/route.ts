import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

// /api/auth/*: next-auth's sign-in, callback, session and sign-out endpoints.
type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

const handler: Handler = (request, context) => (NextAuth(authOptions()) as Handler)(request, context);

export { handler as GET, handler as POST };
