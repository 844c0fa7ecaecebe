import { getTranslations } from "next-intl/server";
import { can, type Workspace } from "./load";
import { WorkspaceNav } from "./workspace-nav";

/** The top of every workspace page: which organisation, your role, and its menu. */
export async function WorkspaceHeader({ workspace }: { workspace: Workspace }) {
  const t = await getTranslations("Workspace");
  const kinds = await getTranslations("OrganisationKind");
  const roles = await getTranslations("Roles");
  const base = `/${workspace.slug}`;
  return (
    <div className="mb-8 print:mb-4">
      <p className="text-sm text-muted">
        {kinds(workspace.kind)} · {t("yourRole", { role: roles(workspace.role) })}
      </p>
      <p className="text-2xl font-bold text-brand-900">{workspace.name}</p>
      <WorkspaceNav
        label={t("navigation", { organisation: workspace.name })}
        items={[
          { href: base, label: t("overview"), exact: true },
          { href: `${base}/register`, label: t("register") },
          { href: `${base}/assessments`, label: t("assessments") },
          { href: `${base}/status`, label: t("statusBoard") },
          { href: `${base}/suppliers`, label: t("suppliers") },
          { href: `${base}/members`, label: t("members") },
          ...(can(workspace, "publicReport.read") ? [{ href: `${base}/reports`, label: t("publicReports") }] : []),
          ...(can(workspace, "audit.read") ? [{ href: `${base}/audit`, label: t("audit") }] : []),
        ]}
      />
    </div>
  );
}
