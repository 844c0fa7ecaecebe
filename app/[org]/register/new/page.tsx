import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadOrNavigate } from "@/components/trpc/server";
import { UseCaseForm } from "@/components/use-cases/use-case-form/use-case-form";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/register/new`);
  const t = await getTranslations("UseCases.form");
  return { title: `${t("createHeading")}: ${workspace.name}` };
}

export default async function NewUseCasePage({ params }: Props) {
  const { org } = await params;
  const returnTo = `/${org}/register/new`;
  const workspace = await loadWorkspace(org, returnTo);
  if (!can(workspace, "useCase.create")) notFound();
  const caller = await api();
  const businessAreas = await loadOrNavigate(() => caller.useCases.businessAreas({ organisationSlug: org }), returnTo);
  const t = await getTranslations("UseCases");
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <p>
        <Link href={`/${org}/register`} className="text-brand-700 underline">
          {t("backToRegister")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold text-brand-900">{t("form.createHeading")}</h1>
      <UseCaseForm organisationSlug={org} businessAreas={businessAreas} />
    </div>
  );
}
