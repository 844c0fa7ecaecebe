/** The sign-in page, returning to `returnTo` (a path on this site) afterwards. */
export function signInUrl(returnTo: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`;
}
