/**
 * A token in the page's URL fragment (`#token=…`) opens the portal, so a business's "Pay your
 * bill" page can be a link's target; without one, `business="…"` shows the access form.
 */
export function tokenFromHash(hash = globalThis.location?.hash ?? ''): string {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  return /^[\w-]{16,200}$/.test(token) ? token : '';
}
