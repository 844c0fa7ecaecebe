/**
 * The registration a public-authority deployer makes in the EU database before using a
 * high-risk AI system (AI Act Art. 49(3), Annex VIII section C), filled from the record:
 * the organisation (deployer), the approved FRIA (submitter, the provider's entry, the
 * findings, the DPIA summary) and the catalogued product (the provider's registration
 * number). Every field of section C is listed; those the record cannot fill are named,
 * with where to fill them in.
 */
import type { Transaction } from "../../db/client";
import type { AnnexIIIArea, RiskClass } from "../../db/generated/enums";
import { friaFindings } from "../assessments/fria";
import { NotFoundError } from "../errors";

type Text = { sv: string; en: string };

export interface RegistrationField {
  key: string;
  /** The point of Annex VIII section C. */
  point: string;
  label: Text;
  value: string | null;
  /** Where the value comes from, or where to fill it in when it is missing. */
  source: Text;
}

export interface EuDatabaseRegistration {
  annex: string;
  applicable: boolean;
  /** Law enforcement, migration, asylum and border control go in the non-public section (Art. 49(4)). */
  nonPublicSection: boolean;
  useCase: { id: string; reference: string; title: string; riskClass: RiskClass; annexIIIArea: AnnexIIIArea | null };
  fields: RegistrationField[];
  /** The keys of the fields without a value. */
  missing: string[];
}

const FRIA_SOURCE: Text = {
  sv: "Den godkända konsekvensbedömningen avseende grundläggande rättigheter (FRIA)",
  en: "The approved fundamental rights impact assessment (FRIA)",
};

function answerText(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

export async function euDatabaseRegistration(tx: Transaction, organisationId: string, useCaseId: string): Promise<EuDatabaseRegistration> {
  const useCase = await tx.useCase.findUnique({
    where: { organisationId_id: { organisationId, id: useCaseId } },
    select: { id: true, reference: true, title: true, riskClass: true, annexIIIArea: true, dpiaRequired: true, archivedAt: true },
  });
  if (!useCase || useCase.archivedAt) throw new NotFoundError("Use case");
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true, postalAddress: true, contactEmail: true },
  });
  const fria = await tx.assessment.findFirst({
    where: { organisationId, useCaseId, templateKind: "FRIA", status: "APPROVED", supersededAt: null },
    orderBy: { approvedAt: "desc" },
    select: { id: true, answers: { select: { questionKey: true, value: true } } },
  });
  const answers = new Map((fria?.answers ?? []).map((answer) => [answer.questionKey, answerText(answer.value)]));
  const answer = (key: string) => answers.get(key) ?? null;
  const decisions = await tx.procurementDecision.findMany({
    where: { organisationId, useCaseId, status: { in: ["PLANNED", "APPROVED"] }, productId: { not: null } },
    select: { product: { select: { name: true, euDatabaseRegistrationNumber: true } } },
    orderBy: { createdAt: "asc" },
  });
  const registeredProduct = decisions.map((d) => d.product).find((product) => product?.euDatabaseRegistrationNumber);

  const findings = fria
    ? friaFindings.map(({ key, heading }) => ({ heading, text: answer(key) })).filter((finding) => finding.text !== null)
    : [];
  const friaSummary = findings.length > 0 ? findings.map((f) => `${f.heading.sv}: ${f.text}`).join("\n") : null;
  const dpiaSummary = answer("dpia_summary") ?? (useCase.dpiaRequired === false ? "Ej tillämpligt: ingen konsekvensbedömning avseende dataskydd krävs." : null);

  const fields: RegistrationField[] = [
    {
      key: "deployer.name",
      point: "1",
      label: { sv: "Tillhandahållarens namn", en: "Name of the deployer" },
      value: organisation.name,
      source: { sv: "Organisationen", en: "The organisation" },
    },
    {
      key: "deployer.address",
      point: "1",
      label: { sv: "Tillhandahållarens adress", en: "Address of the deployer" },
      value: organisation.postalAddress,
      source: { sv: "Organisationens postadress (plattformsadministratören fyller i den)", en: "The organisation's postal address (set by the platform administrator)" },
    },
    {
      key: "deployer.contact",
      point: "1",
      label: { sv: "Tillhandahållarens kontaktuppgifter", en: "Contact details of the deployer" },
      value: organisation.contactEmail,
      source: { sv: "Organisationens funktionsbrevlåda", en: "The organisation's functional mailbox" },
    },
    {
      key: "submitter.name",
      point: "2",
      label: { sv: "Namn på den som lämnar uppgifterna", en: "Name of the person submitting" },
      value: answer("registration_contact_name"),
      source: FRIA_SOURCE,
    },
    {
      key: "submitter.address",
      point: "2",
      label: { sv: "Adress till den som lämnar uppgifterna", en: "Address of the person submitting" },
      value: organisation.postalAddress,
      source: { sv: "Organisationens postadress (uppgifterna lämnas för dess räkning)", en: "The organisation's postal address (submitted on its behalf)" },
    },
    {
      key: "submitter.contact",
      point: "2",
      label: { sv: "Kontaktuppgifter till den som lämnar uppgifterna", en: "Contact details of the person submitting" },
      value: answer("registration_contact_email"),
      source: FRIA_SOURCE,
    },
    {
      key: "provider.entryUrl",
      point: "3",
      label: { sv: "Adress (URL) till systemets post i EU:s databas, registrerad av leverantören", en: "URL of the system's entry in the EU database by its provider" },
      value: answer("eu_database_url"),
      source: FRIA_SOURCE,
    },
    {
      key: "provider.registrationNumber",
      point: "3",
      label: { sv: "Leverantörens registreringsnummer för systemet", en: "The provider's registration number of the system" },
      value: registeredProduct?.euDatabaseRegistrationNumber ?? null,
      source: {
        sv: registeredProduct ? `Produkten ${registeredProduct.name} i leverantörskatalogen` : "Produkten i leverantörskatalogen (via anskaffningsbeslutet)",
        en: registeredProduct ? `The product ${registeredProduct.name} in the supplier catalogue` : "The product in the supplier catalogue (through the procurement decision)",
      },
    },
    {
      key: "fria.summary",
      point: "4",
      label: { sv: "Sammanfattning av resultaten av konsekvensbedömningen (art. 27)", en: "Summary of the findings of the fundamental rights impact assessment (Art. 27)" },
      value: friaSummary,
      source: FRIA_SOURCE,
    },
    {
      key: "dpia.summary",
      point: "5",
      label: { sv: "Sammanfattning av konsekvensbedömningen avseende dataskydd (där sådan finns)", en: "Summary of the data protection impact assessment, where applicable" },
      value: dpiaSummary,
      source: { sv: "FRIA:ns fråga om DPIA:n, eller registrets uppgift att DPIA inte krävs", en: "The FRIA's DPIA question, or the register saying no DPIA is required" },
    },
  ];

  return {
    annex: "Regulation (EU) 2024/1689 (AI Act), Annex VIII, section C",
    applicable: useCase.riskClass === "HIGH_RISK",
    nonPublicSection: useCase.annexIIIArea === "LAW_ENFORCEMENT" || useCase.annexIIIArea === "MIGRATION_ASYLUM_BORDER",
    useCase: { id: useCase.id, reference: useCase.reference, title: useCase.title, riskClass: useCase.riskClass, annexIIIArea: useCase.annexIIIArea },
    fields,
    missing: fields.filter((field) => field.value === null).map((field) => field.key),
  };
}

/** The registration as the JSON export writes it: { key: value } per field, plus what is missing. */
export function registrationExport(registration: EuDatabaseRegistration) {
  return {
    annex: registration.annex,
    useCase: registration.useCase,
    nonPublicSection: registration.nonPublicSection,
    fields: Object.fromEntries(registration.fields.map((field) => [field.key, field.value])),
    missing: registration.missing,
  };
}
