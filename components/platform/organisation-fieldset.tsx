"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { OrganisationKind, Sector } from "@/server/db/generated/enums";

export const organisationFieldNames = [
  "name",
  "organisationNumber",
  "kind",
  "sector",
  "slug",
  "contactEmail",
  "websiteUrl",
  "postalAddress",
] as const;
export type OrganisationFieldName = (typeof organisationFieldNames)[number];

/** Blank optional fields mean "none": the schema takes null, not an empty string. */
export const blankAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** The translated message for each field, shown for any client-side error on it. */
export function useOrganisationFieldMessages(): Record<OrganisationFieldName, string> {
  const t = useTranslations("Platform.fields");
  return {
    name: t("nameInvalid"),
    organisationNumber: t("organisationNumberInvalid"),
    kind: t("kindInvalid"),
    sector: t("sectorInvalid"),
    slug: t("slugInvalid"),
    contactEmail: t("contactEmailInvalid"),
    websiteUrl: t("websiteUrlInvalid"),
    postalAddress: t("postalAddressInvalid"),
  };
}

/** The fields an organisation has, shared by the create and edit forms. */
export function OrganisationFieldset({
  ids,
  registered,
  errors,
}: {
  ids: Record<OrganisationFieldName, string>;
  registered: Record<OrganisationFieldName, UseFormRegisterReturn>;
  errors: Partial<Record<OrganisationFieldName, string>>;
}) {
  const t = useTranslations("Platform.fields");
  const kinds = useTranslations("OrganisationKind");
  const sectors = useTranslations("Sector");
  const optional = t("optional");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={ids.name} label={t("name")} error={errors.name} className="sm:col-span-2">
        {(control) => <Input autoComplete="organization" {...control} {...registered.name} />}
      </Field>
      <Field id={ids.organisationNumber} label={t("organisationNumber")} hint={t("organisationNumberHint")} error={errors.organisationNumber}>
        {(control) => <Input inputMode="numeric" spellCheck={false} {...control} {...registered.organisationNumber} />}
      </Field>
      <Field id={ids.slug} label={t("slug")} hint={t("slugHint")} error={errors.slug}>
        {(control) => <Input spellCheck={false} autoCapitalize="none" {...control} {...registered.slug} />}
      </Field>
      <Field id={ids.kind} label={t("kind")} error={errors.kind}>
        {(control) => (
          <Select
            options={[
              { value: "", label: t("choose") },
              ...Object.values(OrganisationKind).map((kind) => ({ value: kind, label: kinds(kind) })),
            ]}
            {...control}
            {...registered.kind}
          />
        )}
      </Field>
      <Field id={ids.sector} label={t("sector")} error={errors.sector}>
        {(control) => (
          <Select
            options={[
              { value: "", label: t("choose") },
              ...Object.values(Sector).map((sector) => ({ value: sector, label: sectors(sector) })),
            ]}
            {...control}
            {...registered.sector}
          />
        )}
      </Field>
      <Field id={ids.contactEmail} label={`${t("contactEmail")} (${optional})`} hint={t("contactEmailHint")} error={errors.contactEmail}>
        {(control) => <Input type="email" autoComplete="off" {...control} {...registered.contactEmail} />}
      </Field>
      <Field id={ids.websiteUrl} label={`${t("websiteUrl")} (${optional})`} hint={t("websiteUrlHint")} error={errors.websiteUrl}>
        {(control) => <Input type="url" autoComplete="off" {...control} {...registered.websiteUrl} />}
      </Field>
      <Field id={ids.postalAddress} label={`${t("postalAddress")} (${optional})`} hint={t("postalAddressHint")} error={errors.postalAddress}>
        {(control) => <Input autoComplete="off" {...control} {...registered.postalAddress} />}
      </Field>
    </div>
  );
}
