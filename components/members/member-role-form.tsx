"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { apiProblem, useProblemMessage, type ApiProblem } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { selectClasses } from "@/components/ui/field";
import { organisationRoles } from "@/server/domain/access/permissions";
import type { OrganisationRole } from "@/server/db/generated/enums";

/** An administrator changes a member's role. Handles a stale version and the last-admin rule. */
export function MemberRoleForm({
  organisationSlug,
  member,
}: {
  organisationSlug: string;
  member: { userId: string; name: string; role: OrganisationRole; version: number };
}) {
  const t = useTranslations("Members");
  const roles = useTranslations("Roles");
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const id = useId();
  const [selected, setSelected] = useState<OrganisationRole>(member.role);
  const [seen, setSeen] = useState({ role: member.role, version: member.version });
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState("");
  const [reloading, startReload] = useTransition();
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions());

  // New data from the server (after a save or a reload): start from it.
  if (seen.version !== member.version || seen.role !== member.role) {
    setSeen({ role: member.role, version: member.version });
    setSelected(member.role);
  }

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    setSaved("");
    try {
      const updated = await changeRole.mutateAsync({ organisationSlug, userId: member.userId, role: selected, version: member.version });
      setSaved(t("roleSaved", { name: member.name, role: roles(updated.role) }));
      router.refresh();
    } catch (error) {
      setProblem(apiProblem(error));
    }
  }

  function reload() {
    setProblem(null);
    startReload(() => router.refresh());
  }

  const lastAdmin = problem?.code === "BAD_REQUEST" && problem.fieldErrors.some((e) => e.code === "membership.lastAdmin");
  const errorId = `${id}-error`;
  return (
    <form onSubmit={save} className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          {t("roleFor", { name: member.name })}
        </label>
        <select
          id={`${id}-role`}
          value={selected}
          onChange={(event) => setSelected(event.target.value as OrganisationRole)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          className={`${selectClasses} w-auto py-1`}
        >
          {organisationRoles.map((role) => (
            <option key={role} value={role}>
              {roles(role)}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" className="py-1" disabled={changeRole.isPending || selected === member.role}>
          {t("saveRole")}
          <span className="sr-only"> {t("forName", { name: member.name })}</span>
        </Button>
      </div>
      <div aria-live="polite" className="text-sm">
        {problem ? (
          <div id={errorId} className="flex flex-col items-start gap-1 font-medium text-red-700">
            <p>{lastAdmin ? t("lastAdminRole") : problemMessage(problem)}</p>
            {problem.code === "CONFLICT" ? (
              <Button variant="secondary" className="py-1" onClick={reload} disabled={reloading}>
                {t("reload")}
              </Button>
            ) : null}
          </div>
        ) : saved ? (
          <p className="text-green-800">{saved}</p>
        ) : null}
      </div>
    </form>
  );
}
