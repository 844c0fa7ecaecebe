import { getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { Announcer } from "@/components/ui/announcer";
import { can, type Workspace } from "@/components/workspace/load";
import { InviteMemberForm } from "./invite-member-form";
import { MembersTable } from "./members-table";
import { PendingInvitations } from "./pending-invitations";

/** The members page: everyone sees the list; administrators also invite, change and remove. */
export async function MembersPanel({
  workspace,
  members,
  invitations,
}: {
  workspace: Workspace;
  members: RouterOutputs["members"]["list"];
  /** Null when the user may not invite (and so not see invitations). */
  invitations: RouterOutputs["invitations"]["list"] | null;
}) {
  const t = await getTranslations("Members");
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
      <Announcer className="mt-4">
        <section aria-labelledby="members-heading" className="mt-6">
          <h2 id="members-heading" className="sr-only">
            {t("listHeading")}
          </h2>
          <MembersTable
            organisationSlug={workspace.slug}
            organisationName={workspace.name}
            members={members}
            canUpdate={can(workspace, "member.update")}
            canRemove={can(workspace, "member.remove")}
            canReadAudit={can(workspace, "audit.read")}
          />
        </section>
        {invitations !== null ? (
          <>
            <section aria-labelledby="invite-heading" className="mt-10 max-w-3xl">
              <h2 id="invite-heading" className="text-xl font-semibold text-brand-900">
                {t("invite.heading")}
              </h2>
              <div className="mt-3">
                <InviteMemberForm organisationSlug={workspace.slug} />
              </div>
            </section>
            <section aria-labelledby="invitations-heading" className="mt-10">
              <h2 id="invitations-heading" className="text-xl font-semibold text-brand-900">
                {t("invitations.heading")}
              </h2>
              <div className="mt-3">
                <PendingInvitations organisationSlug={workspace.slug} invitations={invitations} />
              </div>
            </section>
          </>
        ) : null}
      </Announcer>
    </>
  );
}
