/**
 * The supplier catalogue: suppliers and their products, shared by every organisation.
 * Supplier and SupplierProduct are global tables (no organisationId, no row-level
 * security): every member reads them, any organisation with `supplier.create` adds to
 * them, and an entry is edited only by the organisation that added it or by a platform
 * administrator.
 *
 * Every change writes its audit event in the same transaction, in the log of the
 * organisation that made the change; a platform administrator's edit goes to the log of
 * the organisation that created the entry (the transaction enters that organisation to
 * write it). An entry without a creating organisation (added by a seed or an import) has
 * no organisation's log to go to: its platform edits write no audit event.
 */
import { z } from "zod";
import type { Transaction } from "../../db/client";
import { Prisma, type Supplier, type SupplierProduct } from "../../db/generated/client";
import { enterOrganisation } from "../../db/scope";
import type { OrganisationChange } from "../access/members";
import { type AuditEntityType, type ChangeContext, lastChange, recordAudit } from "../audit/audit";
import { cursorCodec, cursorParts } from "../cursor";
import { ConflictError, conflictForOutsider, ForbiddenError, NotFoundError, RuleViolationError } from "../errors";
import type { SuppliersCode } from "./problem-codes";
import type { ProductFields, SupplierFields } from "./schemas";

const SUPPLIER_LABEL = "The supplier";
const PRODUCT_LABEL = "The product";

/** Who edits the catalogue: a member acting for an organisation, or a platform administrator. */
export type CatalogueEditor = { kind: "organisation"; organisationId: string } | { kind: "platform" };

export interface CatalogueChange extends ChangeContext {
  editor: CatalogueEditor;
}

/** The catalogue change of a member acting in their organisation. */
export function organisationEditor(change: OrganisationChange): CatalogueChange {
  return { actor: change.actor, requestId: change.requestId, editor: { kind: "organisation", organisationId: change.organisationId } };
}

function problem(field: string, code: SuppliersCode, message: string): RuleViolationError {
  return new RuleViolationError([{ field, code, message }]);
}

// --- Views ------------------------------------------------------------------------------

export interface SupplierSummary {
  id: string;
  name: string;
  country: string;
  organisationNumber: string | null;
}

export interface ProductView {
  id: string;
  supplierId: string;
  name: string;
  modelProvider: string | null;
  model: string | null;
  euDatabaseRegistrationNumber: string | null;
  hostingLocations: string[];
  certifications: string[];
  version: number;
  /** The viewing organisation added it, so it may edit it. */
  editable: boolean;
}

export interface SupplierView extends SupplierSummary {
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The viewing organisation added it, so it may edit it. */
  editable: boolean;
  products: ProductView[];
}

function productView(row: SupplierProduct, organisationId: string | null): ProductView {
  return {
    id: row.id,
    supplierId: row.supplierId,
    name: row.name,
    modelProvider: row.modelProvider,
    model: row.model,
    euDatabaseRegistrationNumber: row.euDatabaseRegistrationNumber,
    hostingLocations: row.hostingLocations,
    certifications: row.certifications,
    version: row.version,
    editable: organisationId !== null && row.createdByOrganisationId === organisationId,
  };
}

function supplierSnapshot(row: Pick<Supplier, "name" | "country" | "organisationNumber">): Record<string, unknown> {
  return { name: row.name, country: row.country, organisationNumber: row.organisationNumber };
}

function productSnapshot(
  row: Pick<SupplierProduct, "name" | "modelProvider" | "model" | "euDatabaseRegistrationNumber" | "hostingLocations" | "certifications">,
): Record<string, unknown> {
  return {
    name: row.name,
    modelProvider: row.modelProvider,
    model: row.model,
    euDatabaseRegistrationNumber: row.euDatabaseRegistrationNumber,
    hostingLocations: row.hostingLocations,
    certifications: row.certifications,
  };
}

// --- Reads ------------------------------------------------------------------------------

function searchWhere(q: string | undefined): Prisma.SupplierWhereInput {
  const text = q?.trim();
  if (!text) return {};
  return {
    OR: [
      { name: { contains: text, mode: "insensitive" } },
      { organisationNumber: { contains: text, mode: "insensitive" } },
      { products: { some: { name: { contains: text, mode: "insensitive" } } } },
    ],
  };
}

export const SEARCH_LIMIT = 50;

/** For pickers (the procurement decision's form): at most 50 suppliers by name, with their products. */
export async function searchSuppliers(
  tx: Transaction,
  q: string | undefined,
): Promise<{ items: (SupplierSummary & { products: { id: string; name: string }[] })[] }> {
  const rows = await tx.supplier.findMany({
    where: searchWhere(q),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SEARCH_LIMIT,
    select: {
      id: true,
      name: true,
      country: true,
      organisationNumber: true,
      products: { select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] },
    },
  });
  return { items: rows };
}

export interface SupplierListItem extends SupplierSummary {
  productCount: number;
  /** Added by the viewing organisation. */
  ownEntry: boolean;
}

export interface SupplierPage {
  items: SupplierListItem[];
  total: number;
  nextCursor: string | null;
}

/** (name, id) of the last supplier on the page. */
const cursors = cursorCodec(z.tuple([cursorParts.text(), cursorParts.id()]), {
  code: "supplier.staleCursor",
  message: "The page link is no longer valid. Start again from the first page.",
});

function encodeCursor(cursor: { name: string; id: string }): string {
  return cursors.encode([cursor.name, cursor.id]);
}

function decodeCursor(raw: string): { name: string; id: string } {
  const [name, id] = cursors.decode(raw);
  return { name, id };
}

/** The catalogue, by name, paged with a keyset cursor (name, id). */
export async function listSuppliers(
  tx: Transaction,
  organisationId: string,
  input: { q?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<SupplierPage> {
  const where = searchWhere(input.q);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const keyset: Prisma.SupplierWhereInput = after
    ? { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] }
    : {};
  const rows = await tx.supplier.findMany({
    where: { AND: [where, keyset] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    select: {
      id: true,
      name: true,
      country: true,
      organisationNumber: true,
      createdByOrganisationId: true,
      _count: { select: { products: true } },
    },
  });
  const total = await tx.supplier.count({ where });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      name: row.name,
      country: row.country,
      organisationNumber: row.organisationNumber,
      productCount: row._count.products,
      ownEntry: row.createdByOrganisationId === organisationId,
    })),
    total,
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}

/** One supplier with its products; `editable` says what the viewing organisation may edit. */
export async function getSupplier(tx: Transaction, organisationId: string | null, id: string): Promise<SupplierView> {
  const row = await tx.supplier.findUnique({
    where: { id },
    include: { products: { orderBy: [{ name: "asc" }, { id: "asc" }] } },
  });
  if (!row) throw new NotFoundError(SUPPLIER_LABEL);
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    organisationNumber: row.organisationNumber,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    editable: organisationId !== null && row.createdByOrganisationId === organisationId,
    products: row.products.map((product) => productView(product, organisationId)),
  };
}

// --- Changes ----------------------------------------------------------------------------

/**
 * May this editor change an entry created by `createdBy`? A member only for their own
 * organisation's entries (FORBIDDEN otherwise: the catalogue is public to every member, so
 * refusing does not leak anything); a platform administrator always.
 */
function assertMayEdit(editor: CatalogueEditor, createdBy: string | null, label: string): void {
  if (editor.kind === "platform") return;
  if (createdBy !== editor.organisationId) {
    throw new ForbiddenError(`${label} was added by another organisation: only that organisation or a platform administrator may change it.`);
  }
}

/**
 * The organisation whose audit log records an edit, entered for the platform
 * administrator's transaction (which starts outside any organisation). Null: no log.
 */
async function auditOrganisation(tx: Transaction, change: CatalogueChange, createdBy: string | null): Promise<string | null> {
  if (change.editor.kind === "organisation") return change.editor.organisationId;
  if (createdBy === null) return null;
  await enterOrganisation(tx, createdBy);
  return createdBy;
}

/**
 * A stale edit. A platform administrator is outside the organisation that owns the entry,
 * so they learn when it changed and that its organisation changed it, never who.
 */
async function conflict(
  tx: Transaction,
  editor: CatalogueEditor,
  organisationId: string | null,
  entityType: AuditEntityType,
  label: string,
  id: string,
  currentVersion: number,
): Promise<never> {
  const last = organisationId ? await lastChange(tx, organisationId, entityType, id) : null;
  const details = { currentVersion, changedBy: last?.changedBy ?? null, changedAt: last?.changedAt ?? null };
  const insider = editor.kind === "organisation" && editor.organisationId === organisationId;
  throw new ConflictError(label, insider ? details : conflictForOutsider(details));
}

async function assertOrganisationNumberFree(tx: Transaction, organisationNumber: string | null, exceptId: string | null): Promise<void> {
  if (organisationNumber === null) return;
  const other = await tx.supplier.findUnique({ where: { organisationNumber }, select: { id: true, name: true } });
  if (other && other.id !== exceptId) {
    throw new RuleViolationError([
      {
        field: "organisationNumber",
        code: "supplier.organisationNumberTaken",
        message: `The organisation number is already used by ${other.name}.`,
        values: { name: other.name },
      },
    ]);
  }
}

async function assertProductNameFree(tx: Transaction, supplierId: string, name: string, exceptId: string | null): Promise<void> {
  const other = await tx.supplierProduct.findFirst({
    where: { supplierId, name: { equals: name, mode: "insensitive" } },
    select: { id: true },
  });
  if (other && other.id !== exceptId) {
    throw problem("name", "supplier.productNameTaken", "The supplier already has a product with this name.");
  }
}

/** A unique-index race lost after the checks above: the same problem as the check. */
function uniqueViolation(error: unknown, field: "organisationNumber" | "name"): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw field === "name"
      ? problem("name", "supplier.productNameTaken", "The supplier already has a product with this name.")
      : problem("organisationNumber", "supplier.organisationNumberTaken", "The organisation number is already used by another supplier.");
  }
  throw error;
}

/** Adds a supplier to the catalogue, as the acting organisation's entry. */
export async function createSupplier(tx: Transaction, change: OrganisationChange, fields: SupplierFields): Promise<SupplierView> {
  await assertOrganisationNumberFree(tx, fields.organisationNumber, null);
  const row = await tx.supplier
    .create({
      data: {
        name: fields.name,
        country: fields.country,
        organisationNumber: fields.organisationNumber,
        createdByOrganisationId: change.organisationId,
      },
    })
    .catch((error: unknown) => uniqueViolation(error, "organisationNumber"));
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: "Supplier",
    entityId: row.id,
    action: "supplier.created",
    before: null,
    after: supplierSnapshot(row),
  });
  return getSupplier(tx, change.organisationId, row.id);
}

/** Changes a supplier: its creating organisation or a platform administrator, at the version read. */
export async function updateSupplier(
  tx: Transaction,
  change: CatalogueChange,
  input: { id: string; version: number; fields: SupplierFields },
): Promise<SupplierView> {
  const row = await tx.supplier.findUnique({ where: { id: input.id } });
  if (!row) throw new NotFoundError(SUPPLIER_LABEL);
  assertMayEdit(change.editor, row.createdByOrganisationId, SUPPLIER_LABEL);
  const logOrganisation = await auditOrganisation(tx, change, row.createdByOrganisationId);
  if (row.version !== input.version) return conflict(tx, change.editor, logOrganisation, "Supplier", SUPPLIER_LABEL, row.id, row.version);
  await assertOrganisationNumberFree(tx, input.fields.organisationNumber, row.id);
  const { count } = await tx.supplier
    .updateMany({
      where: { id: row.id, version: row.version },
      data: {
        name: input.fields.name,
        country: input.fields.country,
        organisationNumber: input.fields.organisationNumber,
        version: { increment: 1 },
      },
    })
    .catch((error: unknown) => uniqueViolation(error, "organisationNumber"));
  if (count === 0) return conflict(tx, change.editor, logOrganisation, "Supplier", SUPPLIER_LABEL, row.id, row.version + 1);
  if (logOrganisation) {
    await recordAudit(tx, change, {
      organisationId: logOrganisation,
      entityType: "Supplier",
      entityId: row.id,
      action: "supplier.updated",
      before: supplierSnapshot(row),
      after: supplierSnapshot(input.fields),
    });
  }
  return getSupplier(tx, change.editor.kind === "organisation" ? change.editor.organisationId : null, row.id);
}

/**
 * Adds a product to a supplier, as the acting organisation's entry. Any organisation may
 * add a product to any supplier (an organisation using a product of a supplier another
 * organisation added must be able to register it); only the product's creator edits it.
 */
export async function createProduct(
  tx: Transaction,
  change: OrganisationChange,
  input: { supplierId: string; fields: ProductFields },
): Promise<ProductView> {
  const supplier = await tx.supplier.findUnique({ where: { id: input.supplierId }, select: { id: true } });
  if (!supplier) throw new NotFoundError(SUPPLIER_LABEL);
  await assertProductNameFree(tx, supplier.id, input.fields.name, null);
  const row = await tx.supplierProduct
    .create({ data: { supplierId: supplier.id, ...input.fields, createdByOrganisationId: change.organisationId } })
    .catch((error: unknown) => uniqueViolation(error, "name"));
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: "SupplierProduct",
    entityId: row.id,
    action: "supplierProduct.created",
    before: null,
    after: { supplierId: row.supplierId, ...productSnapshot(row) },
  });
  return productView(row, change.organisationId);
}

/** Changes a product: its creating organisation or a platform administrator, at the version read. */
export async function updateProduct(
  tx: Transaction,
  change: CatalogueChange,
  input: { id: string; version: number; fields: ProductFields },
): Promise<ProductView> {
  const row = await tx.supplierProduct.findUnique({ where: { id: input.id } });
  if (!row) throw new NotFoundError(PRODUCT_LABEL);
  assertMayEdit(change.editor, row.createdByOrganisationId, PRODUCT_LABEL);
  const logOrganisation = await auditOrganisation(tx, change, row.createdByOrganisationId);
  if (row.version !== input.version) return conflict(tx, change.editor, logOrganisation, "SupplierProduct", PRODUCT_LABEL, row.id, row.version);
  await assertProductNameFree(tx, row.supplierId, input.fields.name, row.id);
  const { count } = await tx.supplierProduct
    .updateMany({ where: { id: row.id, version: row.version }, data: { ...input.fields, version: { increment: 1 } } })
    .catch((error: unknown) => uniqueViolation(error, "name"));
  if (count === 0) return conflict(tx, change.editor, logOrganisation, "SupplierProduct", PRODUCT_LABEL, row.id, row.version + 1);
  if (logOrganisation) {
    await recordAudit(tx, change, {
      organisationId: logOrganisation,
      entityType: "SupplierProduct",
      entityId: row.id,
      action: "supplierProduct.updated",
      before: productSnapshot(row),
      after: productSnapshot(input.fields),
    });
  }
  const updated = await tx.supplierProduct.findUniqueOrThrow({ where: { id: row.id } });
  return productView(updated, change.editor.kind === "organisation" ? change.editor.organisationId : null);
}
