import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { dayAsDate } from "@/components/assessments/list/query";
import { loadOrNavigate } from "@/components/trpc/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { Alert } from "@/components/ui/alert";
import { dateFormat } from "@/components/ui/format";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { asLocale } from "@/components/use-cases/fields";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { today } from "@/server/domain/assessments/dates";
import { responsibilityRoleLabels } from "@/server/domain/responsibilities/labels";
import { aiActRoleLabels } from "@/server/domain/use-cases/labels";
import type { AiActRole } from "@/server/db/generated/enums";
import { AssignForm } from "./assign-form";
import { EditResponsibilityButton } from "./edit-button";
import { EndResponsibilityButton } from "./end-button";
import { ReassignButton } from "./reassign-button";
import { ValueChainForm } from "./value-chain-form";

type Assignment = RouterOutputs["responsibilities"]["forUseCase"]["current"][number];

const allAiActRoles: AiActRole[] = ["PROVIDER", "DEPLOYER", "IMPORTER", "DISTRIBUTOR", "PRODUCT_MANUFACTURER", "AUTHORISED_REPRESENTATIVE"];

/**
 * The use case's responsibilities tab: the required roles that nobody holds (at the top,
 * in words), who answers for what now, a form to assign a responsibility, the history of
 * ended assignments, and the AI Act value chain.
 */
export async function UseCaseResponsibilities({
  organisationSlug,
  useCaseId,
  returnTo,
}: {
  organisationSlug: string;
  useCaseId: string;
  returnTo: string;
}) {
  const t = await getTranslations("Responsibilities");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const workspace = await loadWorkspace(organisationSlug, returnTo);
  const caller = await api();
  const [data, chain] = await Promise.all([
    loadOrNavigate(() => caller.responsibilities.forUseCase({ organisationSlug, useCaseId }), returnTo),
    loadOrNavigate(() => caller.responsibilities.valueChain({ organisationSlug, useCaseId }), returnTo),
  ]);
  const mayAssign = can(workspace, "responsibility.assign") && !data.useCase.archived;
  const [members, suppliers] = mayAssign
    ? await Promise.all([
        loadOrNavigate(() => caller.members.list({ organisationSlug }), returnTo),
        loadOrNavigate(() => caller.suppliers.search({ organisationSlug }), returnTo),
      ])
    : [[], { items: [] }];
  const memberOptions = members.map((member) => ({ id: member.userId, name: member.name }));
  const day = today();
  const date = (value: string | null) => (value ? format.dateTime(dayAsDate(value), dateFormat) : null);
  const roleLabel = (role: Assignment["role"]) => responsibilityRoleLabels[role][locale];

  const person = (assignment: Assignment) => (
    <>
      <span className="font-medium">{assignment.person.name}</span>
      {assignment.person.userId === null ? (
        <span className="block text-xs text-muted">
          {[t("external"), assignment.person.roleTitle, assignment.person.email].filter(Boolean).join(" · ")}
        </span>
      ) : !assignment.person.isMember ? (
        <span className="block text-xs text-muted">{t("formerMember")}</span>
      ) : assignment.person.email ? (
        <span className="block text-xs text-muted">{assignment.person.email}</span>
      ) : null}
    </>
  );

  const otherRoles = allAiActRoles.filter((role) => !chain.ownRoles.includes(role));

  return (
    <div className="flex flex-col gap-8">
      {data.missing.length > 0 ? (
        <div role="alert">
          <Alert tone="warning" title={t("gaps.title", { count: data.missing.length })}>
            <ul className="list-disc pl-5">
              {data.missing.map((gap) => (
                <li key={gap.role}>
                  <span className="font-semibold">{roleLabel(gap.role)}</span>: {t(`gaps.reasons.${gap.reason}`)}
                </li>
              ))}
            </ul>
            {mayAssign ? (
              <p className="mt-2">
                <a href="#assign-heading" className="text-brand-700 underline">
                  {t("gaps.assignLink")}
                </a>
              </p>
            ) : null}
          </Alert>
        </div>
      ) : data.required.length > 0 ? (
        <Alert tone="success" title={t("gaps.noneTitle")}>
          <p>{t("gaps.none")}</p>
        </Alert>
      ) : (
        <p className="text-sm text-muted">{t("gaps.nothingRequired")}</p>
      )}

      <section aria-labelledby="current-heading" className="flex flex-col gap-3">
        <h2 id="current-heading" className="text-xl font-semibold text-brand-900">
          {t("current.heading")}
        </h2>
        {data.current.length > 0 ? (
          <Table caption={t("current.caption", { title: data.useCase.title })}>
            <thead>
              <tr>
                <Th>{t("columns.role")}</Th>
                <Th>{t("columns.person")}</Th>
                <Th>{t("columns.validFrom")}</Th>
                <Th>{t("columns.validTo")}</Th>
                <Th>{t("columns.status")}</Th>
                {mayAssign ? <Th>{t("columns.actions")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {data.current.map((assignment) => (
                <Tr key={assignment.id}>
                  <RowHeader>{roleLabel(assignment.role)}</RowHeader>
                  <Td>
                    {person(assignment)}
                    {assignment.note ? <span className="block text-xs">{assignment.note}</span> : null}
                  </Td>
                  <Td>{date(assignment.validFrom)}</Td>
                  <Td>{date(assignment.validTo) ?? <span className="text-muted">{t("untilFurther")}</span>}</Td>
                  <Td>
                    {assignment.status === "NEEDS_REASSIGNMENT" ? (
                      <span className="inline-flex items-center gap-1 rounded border border-amber-600 bg-amber-50 px-2 py-0.5 font-semibold">
                        <span aria-hidden="true">⚠</span>
                        {t("status.NEEDS_REASSIGNMENT")}
                      </span>
                    ) : (
                      t(`status.${assignment.status}`)
                    )}
                  </Td>
                  {mayAssign ? (
                    <Td>
                      <div className="flex flex-wrap gap-2">
                        {assignment.status === "NEEDS_REASSIGNMENT" ? (
                          <ReassignButton
                            organisationSlug={organisationSlug}
                            useCaseId={useCaseId}
                            members={memberOptions}
                            today={day}
                            role={assignment.role}
                            roleLabel={roleLabel(assignment.role)}
                            replaces={{ id: assignment.id, name: assignment.person.name }}
                          />
                        ) : null}
                        <EditResponsibilityButton
                          organisationSlug={organisationSlug}
                          assignment={{
                            id: assignment.id,
                            version: assignment.version,
                            validFrom: assignment.validFrom,
                            validTo: assignment.validTo,
                            note: assignment.note,
                            personName: assignment.person.name,
                            roleLabel: roleLabel(assignment.role),
                          }}
                        />
                        <EndResponsibilityButton
                          organisationSlug={organisationSlug}
                          today={day < assignment.validFrom ? assignment.validFrom : day}
                          assignment={{
                            id: assignment.id,
                            version: assignment.version,
                            personName: assignment.person.name,
                            roleLabel: roleLabel(assignment.role),
                          }}
                        />
                      </div>
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p>{t("current.none")}</p>
        )}
      </section>

      {mayAssign ? (
        <section aria-labelledby="assign-heading" className="flex flex-col gap-3">
          <h2 id="assign-heading" tabIndex={-1} className="text-xl font-semibold text-brand-900">
            {t("assign.heading")}
          </h2>
          <p className="text-sm text-muted">{t("assign.intro")}</p>
          <AssignForm organisationSlug={organisationSlug} useCaseId={useCaseId} members={memberOptions} today={day} />
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="flex flex-col gap-3">
        <h2 id="history-heading" className="text-xl font-semibold text-brand-900">
          {t("history.heading")}
        </h2>
        {data.history.length > 0 ? (
          <Table caption={t("history.caption", { title: data.useCase.title })}>
            <thead>
              <tr>
                <Th>{t("columns.role")}</Th>
                <Th>{t("columns.person")}</Th>
                <Th>{t("columns.validFrom")}</Th>
                <Th>{t("columns.validTo")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.history.map((assignment) => (
                <Tr key={assignment.id}>
                  <RowHeader>{roleLabel(assignment.role)}</RowHeader>
                  <Td>{person(assignment)}</Td>
                  <Td>{date(assignment.validFrom)}</Td>
                  <Td>{date(assignment.validTo)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p>{t("history.none")}</p>
        )}
      </section>

      <section aria-labelledby="value-chain-heading" className="flex flex-col gap-3">
        <h2 id="value-chain-heading" className="text-xl font-semibold text-brand-900">
          {t("valueChain.heading")}
        </h2>
        <p className="text-sm text-muted">{t("valueChain.intro")}</p>
        <div>
          <h3 className="font-semibold">{t("valueChain.ownRoles")}</h3>
          {chain.ownRoles.length > 0 ? (
            <ul className="list-disc pl-5">
              {chain.ownRoles.map((role) => (
                <li key={role}>{aiActRoleLabels[role][locale]}</li>
              ))}
            </ul>
          ) : (
            <p>{t("valueChain.noOwnRoles")}</p>
          )}
          <p className="mt-1 text-sm">
            <Link href={`/${organisationSlug}/register/${useCaseId}/edit`} className="text-brand-700 underline">
              {t("valueChain.editOwnRoles")}
            </Link>
          </p>
        </div>
        <h3 className="font-semibold">{t("valueChain.otherRoles")}</h3>
        {mayAssign ? (
          <ValueChainForm
            organisationSlug={organisationSlug}
            useCaseId={useCaseId}
            roles={otherRoles}
            parties={chain.parties}
            suppliers={suppliers.items.map((supplier) => ({ id: supplier.id, name: supplier.name }))}
          />
        ) : chain.parties.length > 0 ? (
          <dl className="grid gap-2 sm:grid-cols-[14rem_1fr]">
            {chain.parties.map((party) => (
              <div key={party.role} className="contents">
                <dt className="font-medium">{aiActRoleLabels[party.role][locale]}</dt>
                <dd>
                  {party.holderKind === "SUPPLIER"
                    ? (party.supplier?.name ?? "")
                    : party.holderKind === "OTHER_ORGANISATION"
                      ? (party.holderName ?? "")
                      : t("valueChain.ownOrganisation")}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>{t("valueChain.none")}</p>
        )}
      </section>
    </div>
  );
}
