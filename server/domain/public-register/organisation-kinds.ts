import type { OrganisationKind } from "../../db/generated/enums";

/** Organisation kinds in the order the public pages group them. */
export const organisationKinds = ["CENTRAL_AGENCY", "MUNICIPALITY", "REGION", "OTHER_PUBLIC"] as const satisfies readonly OrganisationKind[];
