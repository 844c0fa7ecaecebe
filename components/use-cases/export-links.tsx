"use client";

import { useTranslations } from "next-intl";
import { type MouseEvent, useState } from "react";
import { registerSearch } from "@/components/use-cases/register-list/query";
import type { UseCaseListFilters } from "@/server/domain/use-cases/schemas";
import { exportRowCounter } from "./export-progress";

const formats = ["csv", "xlsx", "json"] as const;
type Format = (typeof formats)[number];

type Progress = { state: "downloading"; format: Format; rows: number } | { state: "done" } | { state: "failed" } | null;

/** The export of the register's current view (its search and filters), as CSV, Excel or JSON. */
export function exportHref(organisationSlug: string, filters: UseCaseListFilters, format: Format): string {
  const search = registerSearch(filters);
  return `/api/organisations/${encodeURIComponent(organisationSlug)}/use-cases/export?format=${format}${search ? `&${search}` : ""}`;
}

function fileNameOf(response: Response, format: Format): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `ai-register.${format}`;
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The links work as plain downloads; with JavaScript the file is fetched here instead, so that
 * the page can say how many of the `total` use cases have arrived while a large export streams.
 */
export function ExportLinks({ organisationSlug, filters, total }: { organisationSlug: string; filters: UseCaseListFilters; total: number }) {
  const t = useTranslations("UseCaseFiles.export");
  const [progress, setProgress] = useState<Progress>(null);
  const busy = progress?.state === "downloading";

  async function download(event: MouseEvent<HTMLAnchorElement>, format: Format) {
    event.preventDefault();
    if (busy) return;
    setProgress({ state: "downloading", format, rows: 0 });
    try {
      const response = await fetch(exportHref(organisationSlug, filters, format));
      if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const reader = response.body.getReader();
      const count = format === "xlsx" ? null : exportRowCounter(format);
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        if (count) setProgress({ state: "downloading", format, rows: count(decoder.decode(value, { stream: true })) });
      }
      save(new Blob(chunks, { type: response.headers.get("content-type") ?? undefined }), fileNameOf(response, format));
      setProgress({ state: "done" });
    } catch {
      setProgress({ state: "failed" });
    }
  }

  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {formats.map((format) => (
          <li key={format}>
            <a
              href={exportHref(organisationSlug, filters, format)}
              download
              aria-disabled={busy || undefined}
              onClick={(event) => void download(event, format)}
              className="text-brand-700 underline underline-offset-2 hover:text-brand-900 aria-disabled:cursor-wait aria-disabled:text-muted"
            >
              {t(format)}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-muted">{t("hint")}</p>
      <p role="status" className="mt-1 text-xs text-ink">
        {progress?.state === "downloading"
          ? progress.format === "xlsx"
            ? t("preparing", { total })
            : t("progress", { rows: progress.rows, total })
          : progress?.state === "done"
            ? t("done")
            : progress?.state === "failed"
              ? t("failed")
              : null}
      </p>
    </nav>
  );
}
