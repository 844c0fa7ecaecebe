/**
 * Charts rendered on the server as SVG: no chart JavaScript reaches the browser, and
 * nothing depends on inline styles (SVG geometry attributes only). Each chart is drawn
 * beside data a screen reader reads and a printer prints: the bar chart IS a table (the
 * bars are decoration in its last column, the numbers and labels are text), and the trend
 * chart is followed by its table. Colour never carries meaning: every bar and line has its
 * label in text, and one colour is used per chart (brand blue #1f5fa8 on white: 6.4:1).
 */
import Link from "next/link";
import type { ReactNode } from "react";

const BAR = "#1f5fa8";
const TRACK = "#e5e7eb";

export interface BarDatum {
  key: string;
  label: ReactNode;
  /** Null: a figure that is not shown (e.g. suppressed); `display` says why. */
  value: number | null;
  /** What to print instead of the number (e.g. "< 3"). */
  display?: ReactNode;
  href?: string;
  /** The link's accessible name, when the number alone would be ambiguous. */
  linkLabel?: string;
}

/** A horizontal bar (decoration: the number is in the cell beside it). */
function Bar({ value, max }: { value: number; max: number }) {
  const width = max <= 0 ? 0 : Math.max((value / max) * 100, value > 0 ? 1.5 : 0);
  return (
    <svg aria-hidden="true" focusable="false" className="block h-3 w-full" viewBox="0 0 100 6" preserveAspectRatio="none">
      <rect x="0" y="0" width="100" height="6" rx="1" fill={TRACK} />
      <rect x="0" y="0" width={width} height="6" rx="1" fill={BAR} />
    </svg>
  );
}

/** A table whose rows are a bar chart: label, number (a link to the list behind it), bar. */
export function BarTable({
  caption,
  labelHeader,
  valueHeader,
  data,
  extra,
}: {
  caption: ReactNode;
  labelHeader: ReactNode;
  valueHeader: ReactNode;
  data: BarDatum[];
  /** More columns after the number: headers and a cell per row. */
  extra?: { headers: ReactNode[]; cells: (datum: BarDatum) => ReactNode[] };
}) {
  const max = Math.max(0, ...data.map((datum) => datum.value ?? 0));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold text-brand-900">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-gray-300">
            <th scope="col" className="py-2 pr-4">{labelHeader}</th>
            <th scope="col" className="py-2 pr-4 text-right">{valueHeader}</th>
            {extra?.headers.map((header, index) => (
              <th key={index} scope="col" className="py-2 pr-4 text-right">{header}</th>
            ))}
            <th scope="col" className="w-2/5 py-2 print:hidden"><span className="sr-only">{valueHeader}</span></th>
          </tr>
        </thead>
        <tbody>
          {data.map((datum) => {
            const shown = datum.value === null ? datum.display : (datum.display ?? datum.value.toLocaleString("sv-SE"));
            return (
              <tr key={datum.key} className="border-b border-gray-200">
                <th scope="row" className="py-2 pr-4 font-medium">{datum.label}</th>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {datum.href && datum.value !== null ? (
                    <Link href={datum.href} className="text-brand-700 underline" aria-label={datum.linkLabel}>
                      {shown}
                    </Link>
                  ) : (
                    shown
                  )}
                </td>
                {extra?.cells(datum).map((cell, index) => (
                  <td key={index} className="py-2 pr-4 text-right tabular-nums">{cell}</td>
                ))}
                <td className="py-2 align-middle print:hidden">{datum.value !== null ? <Bar value={datum.value} max={max} /> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export interface TrendSeries {
  key: string;
  label: string;
  /** One value per month; null where a figure is not shown. */
  values: (number | null)[];
}

/**
 * Trends as small multiples: one labelled line per series on a shared scale (so no legend
 * and no colour coding is needed), then the same figures as a table.
 */
export function TrendChart({
  caption,
  monthHeader,
  months,
  series,
  suppressedText = "–",
}: {
  caption: ReactNode;
  monthHeader: ReactNode;
  months: string[];
  series: TrendSeries[];
  suppressedText?: string;
}) {
  const max = Math.max(1, ...series.flatMap((entry) => entry.values.map((value) => value ?? 0)));
  const width = 240;
  const height = 48;
  const step = months.length > 1 ? width / (months.length - 1) : width;
  const y = (value: number) => height - 4 - (value / max) * (height - 8);
  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="font-semibold text-brand-900">{caption}</figcaption>
      <ul aria-hidden="true" className="grid gap-3 sm:grid-cols-2 print:hidden">
        {series.map((entry) => {
          const points = entry.values
            .map((value, index) => (value === null ? null : `${(index * step).toFixed(1)},${y(value).toFixed(1)}`))
            .filter((point): point is string => point !== null);
          const last = entry.values[entry.values.length - 1];
          return (
            <li key={entry.key} className="flex flex-col gap-1">
              <span className="text-sm">
                {entry.label}: <span className="tabular-nums">{last ?? suppressedText}</span>
              </span>
              <svg viewBox={`-4 0 ${width + 8} ${height}`} className="h-12 w-full" focusable="false">
                <line x1="0" y1={height - 4} x2={width} y2={height - 4} stroke="#9ca3af" strokeWidth="1" />
                <polyline points={points.join(" ")} fill="none" stroke={BAR} strokeWidth="2" />
                {points.map((point) => {
                  const [cx, cy] = point.split(",");
                  return <circle key={point} cx={cx} cy={cy} r="2.5" fill={BAR} />;
                })}
              </svg>
            </li>
          );
        })}
      </ul>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b-2 border-gray-300">
              <th scope="col" className="py-1 pr-4">{monthHeader}</th>
              {series.map((entry) => (
                <th key={entry.key} scope="col" className="py-1 pr-4 text-right">{entry.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month, index) => (
              <tr key={month} className="border-b border-gray-200">
                <th scope="row" className="py-1 pr-4 font-medium tabular-nums">{month}</th>
                {series.map((entry) => (
                  <td key={entry.key} className="py-1 pr-4 text-right tabular-nums">{entry.values[index] ?? suppressedText}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
