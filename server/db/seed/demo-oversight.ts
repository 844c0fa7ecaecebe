/**
 * Which demo use cases their organisations share with DIGG's oversight, so the cross-sector
 * overview has record-level detail and drill-downs to show. Matched on title; kept in step on
 * every seed (a use case not listed is not shared).
 */
import type { Transaction } from "../client";

export const DEMO_SHARED_WITH_OVERSIGHT: Record<string, string[]> = {
  exempelby: ["Chattbot för invånarfrågor"],
  "region-exempelland": ["Triagestöd i 1177-rådgivningen", "Schemaoptimering för vårdavdelningar"],
  "raddningstjansten-exempelbygd": ["Översättning av information vid kris"],
};

/** Sets the organisation's sharing as listed; returns how many use cases changed. */
export async function syncDemoOversightSharing(tx: Transaction, organisationId: string, slug: string): Promise<number> {
  const shared = DEMO_SHARED_WITH_OVERSIGHT[slug] ?? [];
  const on = await tx.useCase.updateMany({
    where: { organisationId, title: { in: shared }, sharedWithOversight: false },
    data: { sharedWithOversight: true, version: { increment: 1 } },
  });
  const off = await tx.useCase.updateMany({
    where: { organisationId, title: { notIn: shared }, sharedWithOversight: true },
    data: { sharedWithOversight: false, version: { increment: 1 } },
  });
  return on.count + off.count;
}
