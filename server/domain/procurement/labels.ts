/** Swedish and English labels of procurement's enumerations, kept once, here. */
import type { OrganisationKind, ProcurementDecisionStatus, ProcurementRoute, RequirementStatus } from "../../db/generated/enums";
import type { Labels } from "../use-cases/labels";
import type { FrameworkBody } from "./framework-agreements";

export const procurementRouteLabels = {
  LICENCE_CALL_OFF: { sv: "Avrop eller utökning av befintligt licensavtal", en: "Call-off or extension of an existing licence" },
  FRAMEWORK_CALL_OFF: { sv: "Avrop från ramavtal", en: "Call-off from a framework agreement" },
  DIRECT_AWARD: { sv: "Direktupphandling", en: "Direct award" },
  OPEN_PROCUREMENT: { sv: "Upphandling", en: "Procurement" },
  OWN_DEVELOPMENT: { sv: "Egen utveckling", en: "Own development" },
  CONSULTANCY: { sv: "Köp av konsultstöd", en: "Consultancy" },
  CO_DEVELOPMENT: { sv: "Utveckling i samverkan", en: "Co-development" },
} satisfies Labels<ProcurementRoute>;

export const decisionStatusLabels = {
  PLANNED: { sv: "Planerat", en: "Planned" },
  APPROVED: { sv: "Godkänt", en: "Approved" },
  REJECTED: { sv: "Avslaget", en: "Rejected" },
  CANCELLED: { sv: "Avbrutet", en: "Cancelled" },
} satisfies Labels<ProcurementDecisionStatus>;

export const requirementStatusLabels = {
  NOT_ASSESSED: { sv: "Ej bedömt", en: "Not assessed" },
  MET: { sv: "Uppfyllt", en: "Met" },
  NOT_MET: { sv: "Ej uppfyllt", en: "Not met" },
  NOT_APPLICABLE: { sv: "Ej tillämpligt", en: "Not applicable" },
} satisfies Labels<RequirementStatus>;

export const frameworkBodyLabels = {
  KAMMARKOLLEGIET_SIC: { sv: "Statens inköpscentral vid Kammarkollegiet", en: "National Procurement Services at Kammarkollegiet" },
  ADDA: { sv: "Adda", en: "Adda" },
  OTHER: { sv: "Annan avtalsbärare", en: "Other body" },
} satisfies Labels<FrameworkBody>;

export const organisationKindLabels = {
  CENTRAL_AGENCY: { sv: "Statlig myndighet", en: "Central government agency" },
  MUNICIPALITY: { sv: "Kommun", en: "Municipality" },
  REGION: { sv: "Region", en: "Region" },
  OTHER_PUBLIC: { sv: "Annan offentlig organisation", en: "Other public body" },
} satisfies Labels<OrganisationKind>;
