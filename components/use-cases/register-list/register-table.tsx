import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { dateTimeFormat } from "@/components/ui/format";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { asLocale, enumLabel } from "@/components/use-cases/fields";

type Item = RouterOutputs["useCases"]["list"]["items"][number];

/** The register's results: one row per use case, its title a link to it. */
export async function RegisterTable({ organisationSlug, items, caption }: { organisationSlug: string; items: Item[]; caption: string }) {
  const t = await getTranslations("UseCases");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("fields.reference")}</Th>
          <Th>{t("fields.title")}</Th>
          <Th>{t("fields.businessArea")}</Th>
          <Th>{t("fields.lifecycleStage")}</Th>
          <Th>{t("fields.riskClass")}</Th>
          <Th>{t("fields.updatedAt")}</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <Tr key={item.id}>
            <Td className="whitespace-nowrap font-mono">{item.reference}</Td>
            <RowHeader>
              <Link href={`/${organisationSlug}/register/${item.id}`} className="text-brand-700 underline">
                {item.title}
              </Link>
              {item.archivedAt ? <span className="ml-2 rounded bg-gray-200 px-1 text-xs font-normal">{t("archivedBadge")}</span> : null}
              {item.intendedForPublication ? (
                <span className="ml-2 rounded bg-brand-50 px-1 text-xs font-normal">{t("publishedBadge")}</span>
              ) : null}
            </RowHeader>
            <Td>{item.businessArea}</Td>
            <Td>{enumLabel("lifecycleStage", item.lifecycleStage, locale)}</Td>
            <Td>{enumLabel("riskClass", item.riskClass, locale)}</Td>
            <Td className="whitespace-nowrap">{format.dateTime(new Date(item.updatedAt), dateTimeFormat)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
