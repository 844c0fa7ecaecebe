import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportPanel } from "@/components/use-cases/import/import-panel";
import { can, loadWorkspace } from "@/components/workspace/load";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/server/domain/use-cases/import-limits";

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/register/import`);
  const t = await getTranslations("UseCaseFiles.import");
  return { title: `${t("heading")}: ${workspace.name}` };
}

export default async function ImportUseCasesPage({ params }: Props) {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/register/import`);
  if (!can(workspace, "useCase.import")) notFound();
  const t = await getTranslations("UseCaseFiles.import");
  const back = await getTranslations("UseCases");
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <p>
        <Link href={`/${org}/register`} className="text-brand-700 underline">
          {back("backToRegister")}
        </Link>
      </p>
      <div>
        <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
        <p className="mt-2 max-w-3xl">{t("intro")}</p>
      </div>
      <ImportPanel organisationSlug={org} maxBytes={MAX_IMPORT_BYTES} maxRows={MAX_IMPORT_ROWS} />
    </div>
  );
}
