/** Whether a requirement holds in a profile; when not, why (the report's skip reason). */
export function notApplicable(requirement: { id: string; profiles?: readonly string[] }, profile: string): string | undefined {
  if (!requirement.profiles || requirement.profiles.includes(profile)) return undefined
  return `does not apply to ${profile}: ${requirement.id} holds in ${requirement.profiles.join(', ')} only`
}
