/**
 * The demo's supplier catalogue: a few fictional Swedish suppliers and one foreign one,
 * with products. Idempotent: a supplier is matched on its name, a product on supplier and
 * name; missing ones are created, existing ones left as they are (an organisation may have
 * edited them). Seeds write the catalogue directly, without audit events, as the other
 * demo seeds do.
 */
import type { Transaction } from "../client";

interface DemoProduct {
  name: string;
  modelProvider: string | null;
  model: string | null;
  hostingLocations: string[];
  certifications: string[];
}

interface DemoSupplier {
  name: string;
  organisationNumber: string | null;
  country: string;
  /** Slug of the demo organisation that added it. */
  addedBy: string;
  products: DemoProduct[];
}

// Fictional companies; the Swedish numbers carry valid check digits in a 559999 series.
export const DEMO_SUPPLIERS: DemoSupplier[] = [
  {
    name: "Dokumentanalys Norden AB",
    organisationNumber: "559999-0016",
    country: "SE",
    addedBy: "exempeltjanster",
    products: [
      {
        name: "Postsortering AI",
        modelProvider: "Dokumentanalys Norden AB",
        model: "Egen klassificeringsmodell (version 3)",
        hostingLocations: ["SE"],
        certifications: ["ISO/IEC 27001"],
      },
    ],
  },
  {
    name: "Kommunchatt Sverige AB",
    organisationNumber: "559999-0024",
    country: "SE",
    addedBy: "exempelby",
    products: [
      {
        name: "Kommunchatt",
        modelProvider: "Exempel Language Models Inc.",
        model: "Allmän AI-modell (GPAI), version 4",
        hostingLocations: ["SE", "IE"],
        certifications: ["ISO/IEC 27001", "ISO/IEC 42001"],
      },
    ],
  },
  {
    name: "Talteknik i Norr AB",
    organisationNumber: "559999-0032",
    country: "SE",
    addedBy: "exempelby",
    products: [
      {
        name: "Dikteringstjänst",
        modelProvider: "Talteknik i Norr AB",
        model: "Taligenkänning för svenska, version 2",
        hostingLocations: ["SE"],
        certifications: [],
      },
    ],
  },
  {
    name: "Example Vision GmbH",
    organisationNumber: "HRB 999999",
    country: "DE",
    addedBy: "exempeltjanster",
    products: [
      {
        name: "Bildgranskning",
        modelProvider: "Example Vision GmbH",
        model: "Bildanalysmodell 2026",
        hostingLocations: ["DE", "NL"],
        certifications: ["ISO/IEC 27001", "BSI C5"],
      },
    ],
  },
];

/** Creates the demo suppliers and products that are missing; returns how many records it created. */
export async function syncDemoSuppliers(tx: Transaction, organisationIds: Map<string, string>): Promise<number> {
  let created = 0;
  for (const demo of DEMO_SUPPLIERS) {
    const createdByOrganisationId = organisationIds.get(demo.addedBy) ?? null;
    let supplier = await tx.supplier.findFirst({ where: { name: demo.name }, select: { id: true } });
    if (!supplier) {
      const taken = demo.organisationNumber
        ? await tx.supplier.findUnique({ where: { organisationNumber: demo.organisationNumber }, select: { id: true } })
        : null;
      supplier = await tx.supplier.create({
        data: {
          name: demo.name,
          country: demo.country,
          organisationNumber: taken ? null : demo.organisationNumber,
          createdByOrganisationId,
        },
        select: { id: true },
      });
      created += 1;
    }
    for (const product of demo.products) {
      const exists = await tx.supplierProduct.findFirst({ where: { supplierId: supplier.id, name: product.name }, select: { id: true } });
      if (exists) continue;
      await tx.supplierProduct.create({ data: { supplierId: supplier.id, ...product, createdByOrganisationId } });
      created += 1;
    }
  }
  return created;
}
