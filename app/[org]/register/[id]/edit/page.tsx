import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadOrNavigate } from "@/components/trpc/server";
import { UseCaseForm } from "@/components/use-cases/use-case-form/use-case-form";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";

type Props = { params: Promise<{ org: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, id } = await params;
  const returnTo = `/${org}/register/${id}/edit`;
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const useCase = await loadOrNavigate(() => caller.useCases.get({ organisationSlug: org, id }), returnTo);
  const t = await getTranslations("UseCases.form");
  return { title: `${t("editHeading", { title: useCase.title })}: ${workspace.name}` };
}

export default async function EditUseCasePage({ params }: Props) {
  const { org, id } = await params;
  const returnTo = `/${org}/register/${id}/edit`;
  const workspace = await loadWorkspace(org, returnTo);
  if (!can(workspace, "useCase.update")) notFound();
  const caller = await api();
  const [useCase, businessAreas] = await Promise.all([
    loadOrNavigate(() => caller.useCases.get({ organisationSlug: org, id }), returnTo),
    loadOrNavigate(() => caller.useCases.businessAreas({ organisationSlug: org }), returnTo),
  ]);
  if (useCase.archivedAt) redirect(`/${org}/register/${id}`);
  const t = await getTranslations("UseCases");
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <p>
        <Link href={`/${org}/register/${id}`} className="text-brand-700 underline">
          {t("backToUseCase", { title: useCase.title })}
        </Link>
      </p>
      <h1 className="text-3xl font-bold text-brand-900">
        {t("form.editHeading", { title: useCase.title })} <span className="font-mono text-xl text-muted">{useCase.reference}</span>
      </h1>
      <UseCaseForm organisationSlug={org} record={useCase} businessAreas={businessAreas} />
    </div>
  );
}
