import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

// next-auth's routes: sign-in and callback per provider, CSRF token, session, sign-out.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
