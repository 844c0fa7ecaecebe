import { getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { EditOrganisationButton } from "./edit-organisation-button";

type Organisation = RouterOutputs["organisations"]["adminList"][number];

/** The contract's memberCount; the column is left out while adminList does not return it. */
function memberCountOf(organisation: Organisation): number | null {
  return "memberCount" in organisation && typeof organisation.memberCount === "number" ? organisation.memberCount : null;
}

export async function OrganisationsTable({ organisations }: { organisations: Organisation[] }) {
  const t = await getTranslations("Platform.list");
  const kinds = await getTranslations("OrganisationKind");
  const sectors = await getTranslations("Sector");
  if (organisations.length === 0) return <p className="text-muted">{t("empty")}</p>;
  const showMembers = organisations.some((organisation) => memberCountOf(organisation) !== null);
  return (
    <Table caption={t("caption", { count: organisations.length })}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("organisationNumber")}</Th>
          <Th>{t("kind")}</Th>
          <Th>{t("sector")}</Th>
          <Th>{t("slug")}</Th>
          {showMembers ? <Th className="text-right">{t("members")}</Th> : null}
          <Th>{t("actions")}</Th>
        </tr>
      </thead>
      <tbody>
        {organisations.map((organisation) => (
          <Tr key={organisation.id}>
            <RowHeader>{organisation.name}</RowHeader>
            <Td className="whitespace-nowrap tabular-nums">{organisation.organisationNumber}</Td>
            <Td>{kinds(organisation.kind)}</Td>
            <Td>{sectors(organisation.sector)}</Td>
            <Td className="font-mono">{organisation.slug}</Td>
            {showMembers ? <Td className="text-right tabular-nums">{memberCountOf(organisation) ?? "–"}</Td> : null}
            <Td>
              <EditOrganisationButton key={`${organisation.id}-${organisation.version}`} organisation={organisation} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
