import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyResponsibilities } from "@/components/responsibilities/my-responsibilities";
import { loadOrNavigate } from "@/components/trpc/server";
import { api } from "@/server/api/caller";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("MyResponsibilities");
  return { title: t("title") };
}

/** "Mina ansvar": what the signed-in user answers for, in every organisation they belong to. */
export default async function MyResponsibilitiesPage() {
  const organisations = await loadOrNavigate(async () => (await api()).responsibilities.mine(), "/responsibilities");
  return <MyResponsibilities organisations={organisations} />;
}
