// Grants: permissions an admin gives one user on top of its role (e.g. `editor` for writing news).
// Kept on the user row as space-separated names, so reading them costs no extra query.

export function grantsOf(stored: string | null | undefined): string[] {
  return (stored ?? '').split(' ').filter((g) => /^[a-z][a-z0-9-]*$/.test(g));
}

export function storeGrants(grants: Iterable<string>): string {
  return [...new Set(grants)]
    .filter((g) => /^[a-z][a-z0-9-]*$/.test(g))
    .sort()
    .join(' ');
}
