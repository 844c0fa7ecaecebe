import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/** A data table that scrolls sideways on narrow screens; the caption names it. */
export function Table({ caption, captionVisible = false, children }: { caption: ReactNode; captionVisible?: boolean; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className={captionVisible ? "mb-2 text-left font-semibold" : "sr-only"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`border-b-2 border-gray-300 py-2 pr-4 align-bottom ${className}`.trim()} {...props} />;
}

export function RowHeader({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" className={`py-2 pr-4 align-top font-medium ${className}`.trim()} {...props} />;
}

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`py-2 pr-4 align-top ${className}`.trim()} {...props} />;
}

export function Tr({ children }: { children: ReactNode }) {
  return <tr className="border-b border-gray-200">{children}</tr>;
}
