"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface WorkspaceNavItem {
  href: string;
  label: string;
  /** Only this exact path is "here" (the overview); other items also match their sub-pages. */
  exact?: boolean;
}

/** The organisation's own menu; the current page is marked for screen readers and by an underline bar. */
export function WorkspaceNav({ label, items }: { label: string; items: WorkspaceNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mt-4 border-b border-gray-300">
      <ul className="-mb-px flex flex-wrap gap-1">
        {items.map((item) => {
          const current = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-4 px-3 py-2 font-medium ${
                  current ? "border-brand-700 text-brand-900" : "border-transparent text-brand-700 hover:border-gray-300 hover:text-brand-900"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
