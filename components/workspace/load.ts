import "server-only";

import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { isTRPCErrorCode } from "@/components/trpc/server";
import { signInUrl } from "@/components/trpc/sign-in-url";
import { api } from "@/server/api/caller";
import type { Permission } from "@/server/domain/access/permissions";

const getOrganisation = cache(async (organisationSlug: string) => (await api()).organisations.get({ organisationSlug }));

export type Workspace = Awaited<ReturnType<typeof getOrganisation>>;

/**
 * The organisation of a workspace page, once per request (layout and page share it).
 * Signed out: sign in first, when the organisation exists (the public directory says
 * so); otherwise, and for non-members, the 404 page.
 */
export async function loadWorkspace(organisationSlug: string, returnTo: string): Promise<Workspace> {
  try {
    return await getOrganisation(organisationSlug);
  } catch (error) {
    if (isTRPCErrorCode(error, "UNAUTHORIZED")) {
      const directory = await (await api()).organisations.directory();
      if (directory.some((entry) => entry.slug === organisationSlug)) redirect(signInUrl(returnTo));
      notFound();
    }
    if (isTRPCErrorCode(error, "FORBIDDEN") || isTRPCErrorCode(error, "NOT_FOUND") || isTRPCErrorCode(error, "BAD_REQUEST")) {
      notFound();
    }
    throw error;
  }
}

export function can(workspace: Workspace, permission: Permission): boolean {
  return workspace.permissions.includes(permission);
}
