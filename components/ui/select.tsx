import type { Ref, SelectHTMLAttributes } from "react";
import { selectClasses } from "./field";

export interface SelectOption {
  value: string;
  label: string;
}

/** A native select: keyboard and screen-reader support come with it. */
export function Select({
  options,
  className = "",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { options: readonly SelectOption[]; ref?: Ref<HTMLSelectElement> }) {
  return (
    <select className={`${selectClasses} ${className}`.trim()} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
