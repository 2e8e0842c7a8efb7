/** Watches the OIDC token's expiry and warns when it cannot be renewed (filled in with OIDC login). */
export function SessionWatch() {
  return null;
}
