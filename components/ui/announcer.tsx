"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

const AnnounceContext = createContext<(message: string) => void>(() => undefined);

/**
 * A polite live region for results whose own component disappears with them (a removed
 * row, a revoked invitation): the region outlives the row and says what happened.
 */
export function Announcer({ children, className = "" }: { children: ReactNode; className?: string }) {
  const [message, setMessage] = useState("");
  const announce = useCallback((text: string) => setMessage(text), []);
  return (
    <AnnounceContext.Provider value={announce}>
      <p role="status" className={message ? `rounded border-l-4 border-green-700 bg-green-50 p-3 ${className}`.trim() : "sr-only"}>
        {message}
      </p>
      {children}
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
