import "server-only";

import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { signInUrl } from "./sign-in-url";

/**
 * Runs a server-side tRPC call for a page. Signed out: to the sign-in page (and back
 * to `returnTo` afterwards). Not a member, not allowed, or no such record: the 404
 * page, so that another organisation's existence does not leak.
 */
export async function loadOrNavigate<T>(call: () => Promise<T>, returnTo: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") redirect(signInUrl(returnTo));
      if (error.code === "FORBIDDEN" || error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") notFound();
    }
    throw error;
  }
}

export function isTRPCErrorCode(error: unknown, code: TRPCError["code"]): boolean {
  return error instanceof TRPCError && error.code === code;
}
