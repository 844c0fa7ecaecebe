import "server-only";

import { createCaller } from "@/server/api/root";
import { cachedPublic } from "@/server/api/public-cache";
import { createContext } from "@/server/api/trpc";
import type { OrganisationKind } from "@/server/db/generated/enums";
import type { PublicRegisterFilters, PublicRegisterPageInput } from "@/server/domain/public-register/schemas";

/**
 * The public pages' data: the public procedures, called as an anonymous visitor (no
 * session, no cookies, so the answer is the same for everyone and may be cached), through
 * the public register's cache, which each publication and retraction expires.
 */
async function anonymous() {
  return createCaller(await createContext({ headers: new Headers({ "x-trpc-source": "public-page" }), userId: null }));
}

export const loadPublicList = cachedPublic("list", async (filters: PublicRegisterFilters, page: PublicRegisterPageInput) =>
  (await anonymous()).publicRegister.list({ filters, ...page }),
);

export const loadPublicUseCase = cachedPublic("use-case", async (useCaseId: string) => (await anonymous()).publicRegister.useCase({ useCaseId }));

export const loadPublicUseCaseVersion = cachedPublic("use-case-version", async (useCaseId: string, version: number) =>
  (await anonymous()).publicRegister.useCaseVersion({ useCaseId, version }),
);

export const loadPublicOrganisations = cachedPublic("organisations", async (published?: boolean, kind?: OrganisationKind[]) =>
  (await anonymous()).publicRegister.organisations({ published, kind }),
);

export const loadPublicOrganisation = cachedPublic("organisation", async (slug: string) => (await anonymous()).publicRegister.organisation({ slug }));
