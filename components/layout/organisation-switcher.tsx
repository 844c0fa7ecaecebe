"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { switchOrganisation } from "./switch-organisation";

export interface SwitcherMembership {
  organisationSlug: string;
  organisationName: string;
}

/**
 * Choose the organisation to work in. A native select and a submit button (no jump on
 * change, WCAG 3.2.2); a plain form post, so it works before the page has hydrated.
 */
export function OrganisationSwitcher({ memberships }: { memberships: SwitcherMembership[] }) {
  const t = useTranslations("Header");
  const id = useId();
  const params = useParams<{ org?: string }>();
  const current = memberships.find((m) => m.organisationSlug === params.org)?.organisationSlug;

  if (memberships.length === 0) return null;
  if (memberships.length === 1) {
    const only = memberships[0]!;
    return (
      <Link
        href={`/${only.organisationSlug}`}
        aria-current={current ? "page" : undefined}
        className="rounded px-2 py-1 text-white underline-offset-2 hover:underline"
      >
        <span className="sr-only">{t("organisation")}: </span>
        {only.organisationName}
      </Link>
    );
  }
  return (
    <form action={switchOrganisation} className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="text-sm">
        {t("organisation")}
      </label>
      <select
        key={current ?? "none"}
        id={id}
        name="organisation"
        defaultValue={current ?? ""}
        required
        className="max-w-64 rounded border border-white/60 bg-white px-2 py-1 text-sm text-ink"
      >
        {current ? null : (
          <option value="" disabled>
            {t("chooseOrganisation")}
          </option>
        )}
        {memberships.map((m) => (
          <option key={m.organisationSlug} value={m.organisationSlug}>
            {m.organisationName}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-white/60 px-3 py-1 text-sm text-white hover:bg-white/10">
        {t("switchOrganisation")}
      </button>
    </form>
  );
}
