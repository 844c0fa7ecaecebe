/**
 * The demo's responsibility assignments: most use cases beyond the idea stage have their
 * accountable owner (verksamhetsansvarig) and the roles they require, a few have extra
 * roles and external contacts, and one has an ended assignment in its history. In each
 * organisation one use case (the one in use, or the pilot in the rescue service, which has
 * none in use) is left without an accountable owner, so that the status board shows a gap
 * that assigning one closes (the end-to-end test does).
 *
 * Idempotent: an assignment is created only when its use case has no assignment for the
 * role yet. Runs in the organisation's scope (the caller sets app.organisation_id).
 */
import type { Transaction } from "../client";
import type { ResponsibilityRole } from "../generated/enums";

interface DemoAssignment {
  role: ResponsibilityRole;
  /** A demo user's e-mail, or an external contact. */
  person: string | { name: string; email?: string; roleTitle?: string };
  validFrom: string;
  validTo?: string;
  note?: string;
}

/** By use-case title (titles are unique in the demo). */
export const DEMO_RESPONSIBILITIES: Record<string, DemoAssignment[]> = {
  // exempeltjanster
  "Automatisk sortering av inkommande post": [
    // No accountable owner: the visible gap of this organisation.
    { role: "DATA_PROTECTION_OFFICER", person: "reviewer@exempeltjanster.example", validFrom: "2025-02-01" },
    { role: "HUMAN_OVERSIGHT", person: "editor@exempeltjanster.example", validFrom: "2025-02-01", note: "Registraturen kontrollerar osäkra sorteringar." },
    {
      role: "SUPPLIER_CONTACT",
      person: { name: "Sara Lind", email: "sara.lind@postsystem.example", roleTitle: "Kundansvarig, Postsystem AB" },
      validFrom: "2025-02-01",
    },
  ],
  "Språkmodell som skrivstöd för handläggare": [
    { role: "ACCOUNTABLE_OWNER", person: "admin@exempeltjanster.example", validFrom: "2025-09-01" },
    { role: "TECHNICAL_CONTACT", person: "editor@exempeltjanster.example", validFrom: "2025-09-01" },
  ],
  // exempelby
  "Chattbot för invånarfrågor": [
    // No accountable owner: the visible gap of this organisation.
    { role: "SUPPLIER_CONTACT", person: { name: "Per Olsson", email: "per.olsson@chattleverantoren.example", roleTitle: "Projektledare" }, validFrom: "2024-03-01" },
    { role: "SYSTEM_OWNER", person: "editor@exempelby.example", validFrom: "2024-03-01" },
  ],
  "Tal till text för dokumentation i socialtjänsten": [
    { role: "ACCOUNTABLE_OWNER", person: "admin@exempelby.example", validFrom: "2025-05-01" },
    { role: "DATA_PROTECTION_OFFICER", person: "dataskydd@exempelby.example", validFrom: "2025-05-01" },
    { role: "INFORMATION_OWNER", person: "reviewer@exempelby.example", validFrom: "2025-05-01" },
    { role: "SUPPLIER_CONTACT", person: { name: "Lina Berg", email: "lina.berg@taltilltext.example", roleTitle: "Kundansvarig" }, validFrom: "2025-05-01" },
  ],
  "Prognos av behovet av förskoleplatser": [
    { role: "ACCOUNTABLE_OWNER", person: "digitalisering@exempelby.example", validFrom: "2025-10-01" },
    { role: "HUMAN_OVERSIGHT", person: "editor@exempelby.example", validFrom: "2025-10-01" },
  ],
  // region-exempelland
  "Triagestöd i 1177-rådgivningen": [
    // No accountable owner: the visible gap of this organisation.
    { role: "DATA_PROTECTION_OFFICER", person: "reviewer@regionexempelland.example", validFrom: "2024-09-01" },
    { role: "HUMAN_OVERSIGHT", person: "editor@regionexempelland.example", validFrom: "2024-09-01", note: "Sjuksköterskan kan alltid åsidosätta förslaget." },
    { role: "INFORMATION_SECURITY", person: { name: "Jonas Berg", email: "jonas.berg@inera.example", roleTitle: "Säkerhetsansvarig, samverkanspart" }, validFrom: "2024-09-01" },
  ],
  "Bildanalys av hudförändringar": [
    { role: "ACCOUNTABLE_OWNER", person: "admin@regionexempelland.example", validFrom: "2026-01-15" },
    { role: "DATA_PROTECTION_OFFICER", person: "reviewer@regionexempelland.example", validFrom: "2026-01-15" },
    { role: "HUMAN_OVERSIGHT", person: "editor@regionexempelland.example", validFrom: "2026-01-15" },
  ],
  "Schemaoptimering för vårdavdelningar": [
    { role: "ACCOUNTABLE_OWNER", person: "admin@regionexempelland.example", validFrom: "2025-11-01" },
    { role: "DATA_PROTECTION_OFFICER", person: "reviewer@regionexempelland.example", validFrom: "2025-11-01" },
    { role: "HUMAN_OVERSIGHT", person: "editor@regionexempelland.example", validFrom: "2025-11-01" },
    { role: "SUPPLIER_CONTACT", person: { name: "Emil Strand", email: "emil.strand@schemabolaget.example", roleTitle: "Leveransansvarig" }, validFrom: "2025-11-01" },
  ],
  // raddningstjansten-exempelbygd (nothing in use: the pilot is left without an owner)
  "Prognos av brandrisk i skog och mark": [{ role: "HUMAN_OVERSIGHT", person: "editor@rtexempelbygd.example", validFrom: "2025-06-01" }],
  "Analys av larmsamtal": [
    { role: "ACCOUNTABLE_OWNER", person: "admin@rtexempelbygd.example", validFrom: "2023-01-01", validTo: "2025-06-30", note: "Avslutat när tjänsten avvecklades." },
  ],
};

const day = (value: string) => new Date(`${value}T00:00:00.000Z`);

/** Creates the organisation's demo assignments that are missing; returns how many. */
export async function syncDemoResponsibilities(
  tx: Transaction,
  organisationId: string,
  useCasesByTitle: Map<string, string>,
  userIds: Map<string, string>,
): Promise<number> {
  let created = 0;
  for (const [title, useCaseId] of useCasesByTitle) {
    for (const demo of DEMO_RESPONSIBILITIES[title] ?? []) {
      const exists = await tx.responsibility.findFirst({ where: { organisationId, useCaseId, role: demo.role }, select: { id: true } });
      if (exists) continue;
      const external = typeof demo.person === "string" ? null : demo.person;
      const userId = typeof demo.person === "string" ? userIds.get(demo.person) : null;
      if (userId === undefined) throw new Error(`demo data: unknown member ${String(demo.person)} in "${title}"`);
      await tx.responsibility.create({
        data: {
          organisationId,
          useCaseId,
          role: demo.role,
          userId,
          externalName: external?.name ?? null,
          externalEmail: external?.email ?? null,
          externalRoleTitle: external?.roleTitle ?? null,
          validFrom: day(demo.validFrom),
          validTo: demo.validTo ? day(demo.validTo) : null,
          note: demo.note ?? null,
        },
      });
      created += 1;
    }
  }
  return created;
}
