/**
 * GoToSocial's scope rule (`internal/api/util/scopes.go:24-126`, tested in `scopes_test.go`): `has` permits `want`
 * when they are equal, or when `has` is one of the top-level scopes below and `want` is one of its `:`-children.
 * So `read` ⊇ `read:notifications`, `admin` ⊇ `admin:read:accounts`, `admin:read` ⊇ `admin:read:accounts`;
 * `write` does not permit `read:*`; an unknown scope (`follow`) permits only itself. A token's scopes are its scope
 * string split on single spaces. (The core's `prefixScopes` differs: it has no `admin:read` level.)
 */
const TOP_LEVEL = new Set(['profile', 'push', 'read', 'write', 'admin', 'admin:read', 'admin:write'])

export function permits(has: string, want: string): boolean {
  return has === want || (TOP_LEVEL.has(has) && want.startsWith(`${has}:`))
}

/** Whether any of `granted` permits any of `wanted` (a handler lists the scopes that would do). */
export function permitsAny(granted: readonly string[], wanted: readonly string[], rule: (has: string, want: string) => boolean = permits): boolean {
  return granted.some((g) => wanted.some((w) => rule(g, w)))
}

/** The scopes of a scope string, as GoToSocial splits it (on single spaces). */
export const scopesOf = (value: string): string[] => value.split(' ')
