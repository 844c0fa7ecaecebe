/**
 * A product's page: its facts, its supplier, and what other organisations chose to share
 * about it. The cross-organisation part is read ONLY through the three SECURITY DEFINER
 * functions of the procurement migration (product_usage_count, product_shared_assessments,
 * product_shared_checklists), called in the viewing organisation's scoped transaction with
 * that organisation as `excluding`: the app role itself can read no other organisation's
 * rows. The organisation's own decisions for the product are read normally (RLS applies).
 */
import type { Transaction } from "../../db/client";
import type { ProcurementDecisionStatus, ProcurementRoute, RequirementStatus, TemplateKind } from "../../db/generated/enums";
import type { AssessmentResult } from "../assessments/results";
import { NotFoundError } from "../errors";
import { getSupplier, type ProductView, type SupplierSummary } from "./service";

export interface SharedAssessment {
  assessmentId: string;
  organisationName: string;
  templateKind: TemplateKind;
  templateVersion: number;
  approvedAt: Date | null;
  approvedResult: AssessmentResult | null;
  useCaseTitle: string;
}

export interface SharedChecklistItem {
  itemKey: string;
  required: boolean;
  status: RequirementStatus;
  evidence: string | null;
}

export interface SharedChecklist {
  decisionId: string;
  organisationName: string;
  route: ProcurementRoute;
  status: ProcurementDecisionStatus;
  /** YYYY-MM-DD */
  decidedOn: string | null;
  checklistVersion: number;
  items: SharedChecklistItem[];
}

export interface OwnDecision {
  id: string;
  useCase: { id: string; reference: string; title: string };
  route: ProcurementRoute;
  status: ProcurementDecisionStatus;
  /** YYYY-MM-DD */
  decidedOn: string | null;
  sharedWithOtherOrganisations: boolean;
}

export interface ProductPage {
  product: ProductView;
  supplier: SupplierSummary;
  /** Other organisations with a planned or approved decision naming the product, each once. */
  usedByOtherOrganisations: number;
  sharedAssessments: SharedAssessment[];
  sharedChecklists: SharedChecklist[];
  ownDecisions: OwnDecision[];
}

const toDay = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));

export async function productUsageCount(tx: Transaction, productId: string, organisationId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ count: number }[]>`SELECT product_usage_count(${productId}::uuid, ${organisationId}::uuid) AS count`;
  return Number(rows[0]?.count ?? 0);
}

export async function sharedAssessments(tx: Transaction, productId: string, organisationId: string): Promise<SharedAssessment[]> {
  const rows = await tx.$queryRaw<
    {
      assessmentId: string;
      organisationName: string;
      templateKind: string;
      templateVersion: number;
      approvedAt: Date | null;
      approvedResult: unknown;
      useCaseTitle: string;
    }[]
  >`SELECT * FROM product_shared_assessments(${productId}::uuid, ${organisationId}::uuid)`;
  return rows
    .map((row) => ({
      assessmentId: row.assessmentId,
      organisationName: row.organisationName,
      templateKind: row.templateKind as TemplateKind,
      templateVersion: Number(row.templateVersion),
      approvedAt: row.approvedAt,
      approvedResult: (row.approvedResult ?? null) as AssessmentResult | null,
      useCaseTitle: row.useCaseTitle,
    }))
    .sort(
      (a, b) =>
        a.organisationName.localeCompare(b.organisationName, "sv") ||
        (b.approvedAt?.getTime() ?? 0) - (a.approvedAt?.getTime() ?? 0) ||
        a.assessmentId.localeCompare(b.assessmentId),
    );
}

export async function sharedChecklists(tx: Transaction, productId: string, organisationId: string): Promise<SharedChecklist[]> {
  const rows = await tx.$queryRaw<
    {
      decisionId: string;
      organisationName: string;
      route: string;
      status: string;
      decidedOn: Date | null;
      checklistVersion: number;
      items: unknown;
    }[]
  >`SELECT * FROM product_shared_checklists(${productId}::uuid, ${organisationId}::uuid)`;
  return rows
    .map((row) => ({
      decisionId: row.decisionId,
      organisationName: row.organisationName,
      route: row.route as ProcurementRoute,
      status: row.status as ProcurementDecisionStatus,
      decidedOn: toDay(row.decidedOn),
      checklistVersion: Number(row.checklistVersion),
      items: (Array.isArray(row.items) ? row.items : []) as SharedChecklistItem[],
    }))
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, "sv") || a.decisionId.localeCompare(b.decisionId));
}

/** The product page for `organisationId` (the viewing organisation, never shown to itself as "other"). */
export async function productPage(tx: Transaction, organisationId: string, productId: string): Promise<ProductPage> {
  const row = await tx.supplierProduct.findUnique({ where: { id: productId }, select: { supplierId: true } });
  if (!row) throw new NotFoundError("The product");
  const supplier = await getSupplier(tx, organisationId, row.supplierId);
  const product = supplier.products.find((candidate) => candidate.id === productId);
  if (!product) throw new NotFoundError("The product");
  // One query at a time: the queries share the transaction's connection.
  const usedByOtherOrganisations = await productUsageCount(tx, productId, organisationId);
  const assessments = await sharedAssessments(tx, productId, organisationId);
  const checklists = await sharedChecklists(tx, productId, organisationId);
  const decisions = await tx.procurementDecision.findMany({
    where: { organisationId, productId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      route: true,
      status: true,
      decidedOn: true,
      sharedWithOtherOrganisations: true,
      useCase: { select: { id: true, reference: true, title: true } },
    },
  });
  return {
    product,
    supplier: { id: supplier.id, name: supplier.name, country: supplier.country, organisationNumber: supplier.organisationNumber },
    usedByOtherOrganisations,
    sharedAssessments: assessments,
    sharedChecklists: checklists,
    ownDecisions: decisions.map((decision) => ({
      id: decision.id,
      useCase: decision.useCase,
      route: decision.route,
      status: decision.status,
      decidedOn: toDay(decision.decidedOn),
      sharedWithOtherOrganisations: decision.sharedWithOtherOrganisations,
    })),
  };
}
