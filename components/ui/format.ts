/** Dates and times as people in Sweden read them, whatever the server's time zone. */
export const timeZone = "Europe/Stockholm";
export const dateTimeFormat = { dateStyle: "medium", timeStyle: "short", timeZone } as const;
export const dateFormat = { dateStyle: "medium", timeZone } as const;
