/** The release lines of DADI API the mock copies: 1.x–3.x (UUID tokens, v3 wire format) and 4.x–6.x (JWTs, ACL errors). */
export const DADI_PROFILES = ['dadi@3', 'dadi@6'] as const
export type DadiProfile = (typeof DADI_PROFILES)[number]
