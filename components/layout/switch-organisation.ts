"use server";

import { redirect } from "next/navigation";
import { organisationSlug } from "@/server/domain/organisations/schemas";

/**
 * The organisation switcher's form post: goes to the chosen workspace. Only a valid
 * slug becomes a path, so the form cannot be used to redirect elsewhere; membership is
 * checked by the workspace itself.
 */
export async function switchOrganisation(formData: FormData): Promise<void> {
  const parsed = organisationSlug.safeParse(formData.get("organisation"));
  redirect(parsed.success ? `/${parsed.data}` : "/");
}
