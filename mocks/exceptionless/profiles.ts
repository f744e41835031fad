/**
 * The release lines of Exceptionless the mock copies (what each sends differently on its auth surface):
 * - `exceptionless@8.7`: 8.7.0 and later (main): 401s under /api/v2 carry `WWW-Authenticate: Bearer
 *   resource_metadata=…` (since 8.6.1), a failed login is "Login failed." / "Login denied.", an API key at a token
 *   endpoint is refused "Token authentication cannot … tokens.", and `source-maps:write` is a scope.
 * - `exceptionless@8.5`: 8.5.x and earlier: no `WWW-Authenticate` anywhere, the MVC controllers' bare results
 *   ("Unauthorized", "Forbidden"), no `source-maps:write`. (8.6.x mixes the two: challenges with the old titles.)
 */
export const EXCEPTIONLESS_PROFILES = ['exceptionless@8.7', 'exceptionless@8.5'] as const
export type ExceptionlessProfile = (typeof EXCEPTIONLESS_PROFILES)[number]
