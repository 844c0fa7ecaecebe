import type { InputHTMLAttributes, Ref } from "react";
import { inputClasses } from "./field";

export function Input({ className = "", ...props }: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input className={`${inputClasses} ${className}`.trim()} {...props} />;
}
