import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  /** The session names the signed-in user by id only (server/auth/options.ts). */
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }

  /** OpenID Connect's standard claim; sign-in by OIDC requires it to be true. */
  interface Profile {
    email_verified?: boolean;
  }
}

declare module "next-auth/jwt" {
  /** The cookie names the user and the session's row (server/auth/sessions.ts). */
  interface JWT {
    sid?: string;
  }
}
