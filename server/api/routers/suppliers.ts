import {
  assessmentSharingStateInput,
  createProductInput,
  createSupplierInput,
  platformUpdateProductInput,
  platformUpdateSupplierInput,
  productIdInput,
  supplierIdInput,
  supplierListInput,
  supplierSearchInput,
  updateProductInput,
  updateSupplierInput,
} from "../../domain/suppliers/schemas";
import { productPage } from "../../domain/suppliers/product-page";
import {
  createProduct,
  createSupplier,
  getSupplier,
  listSuppliers,
  organisationEditor,
  searchSuppliers,
  updateProduct,
  updateSupplier,
} from "../../domain/suppliers/service";
import { assessmentSharing } from "../../domain/suppliers/sharing";
import { organisationChange } from "../change-context";
import { orgProcedure, platformProcedure, router } from "../trpc";

/**
 * The shared supplier catalogue. Reads for every member; additions with `supplier.create`;
 * edits with `supplier.update` of the organisation that added the entry (the service
 * refuses others), or by a platform administrator through the `platform*` procedures.
 */
export const suppliersRouter = router({
  /** For pickers: at most 50 suppliers by name, with their products. */
  search: orgProcedure("supplier.read")
    .input(supplierSearchInput)
    .query(({ ctx, input }) => searchSuppliers(ctx.tx, input.q)),

  list: orgProcedure("supplier.read")
    .input(supplierListInput)
    .query(({ ctx, input }) => listSuppliers(ctx.tx, ctx.organisation.id, input)),

  get: orgProcedure("supplier.read")
    .input(supplierIdInput)
    .query(({ ctx, input }) => getSupplier(ctx.tx, ctx.organisation.id, input.id)),

  /** The product page, with what other organisations chose to share about the product. */
  product: orgProcedure("supplier.read")
    .input(productIdInput)
    .query(({ ctx, input }) => productPage(ctx.tx, ctx.organisation.id, input.id)),

  create: orgProcedure("supplier.create")
    .input(createSupplierInput)
    .mutation(({ ctx, input }) => createSupplier(ctx.tx, organisationChange(ctx), input.fields)),

  update: orgProcedure("supplier.update")
    .input(updateSupplierInput)
    .mutation(({ ctx, input }) => updateSupplier(ctx.tx, organisationEditor(organisationChange(ctx)), input)),

  createProduct: orgProcedure("supplier.create")
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct(ctx.tx, organisationChange(ctx), input)),

  updateProduct: orgProcedure("supplier.update")
    .input(updateProductInput)
    .mutation(({ ctx, input }) => updateProduct(ctx.tx, organisationEditor(organisationChange(ctx)), input)),

  /** A platform administrator's edit of any supplier (audited in its creator's log). */
  platformUpdate: platformProcedure
    .input(platformUpdateSupplierInput)
    .mutation(({ ctx, input }) =>
      updateSupplier(ctx.tx, { actor: ctx.actor, requestId: ctx.requestId, editor: { kind: "platform" } }, input),
    ),

  /** A platform administrator's edit of any product (audited in its creator's log). */
  platformUpdateProduct: platformProcedure
    .input(platformUpdateProductInput)
    .mutation(({ ctx, input }) =>
      updateProduct(ctx.tx, { actor: ctx.actor, requestId: ctx.requestId, editor: { kind: "platform" } }, input),
    ),

  /** Whether one of the organisation's assessments is shared, for the toggle on its page. */
  assessmentSharing: orgProcedure("assessment.read")
    .input(assessmentSharingStateInput)
    .query(({ ctx, input }) => assessmentSharing(ctx.tx, ctx.organisation.id, input.id)),
});
