import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { dateFormat } from "@/components/ui/format";
import { Table, Td, Th, Tr } from "@/components/ui/table";

type Organisations = RouterOutputs["publicRegister"]["organisations"];

/** Organisations with what they have published: how many, when last, how complete. */
export async function OrganisationTable({ organisations, caption }: { organisations: Organisations; caption: string }) {
  const t = await getTranslations("PublicRegister.organisations");
  const kindLabel = await getTranslations("OrganisationKind");
  const format = await getFormatter();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("kind")}</Th>
          <Th>{t("published")}</Th>
          <Th>{t("lastPublished")}</Th>
          <Th>{t("completeness")}</Th>
        </tr>
      </thead>
      <tbody>
        {organisations.map((organisation) => (
          <Tr key={organisation.id}>
            <Td>
              <Link className="text-brand-700 underline" href={`/register/organisations/${organisation.slug}`}>
                {organisation.name}
              </Link>
            </Td>
            <Td>{kindLabel(organisation.kind)}</Td>
            <Td>{organisation.publishedCount}</Td>
            <Td>{organisation.lastPublishedAt ? format.dateTime(new Date(organisation.lastPublishedAt), dateFormat) : "–"}</Td>
            <Td>{organisation.completeness === null ? "–" : t("percent", { percent: organisation.completeness })}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
