/**
 * GoToSocial's content negotiation (`internal/api/util/negotiate.go:118-178`, gin's `NegotiateFormat`):
 * - no `Accept` (or only empty entries) → the first offer;
 * - otherwise the accepted types are walked in the order the client listed them, q-values ignored; the first
 *   that matches an offer wins. gin matches character by character: a `*` on either side matches the rest, and an
 *   accepted type that is a prefix of the offer matches (`text/*`, `*\/*`, `application/*`).
 * - nothing matches → undefined (the handler answers 406).
 */
export const JSON_TYPE = 'application/json'
export const HTML_TYPE = 'text/html'

export function negotiate(request: Request, offers: readonly string[]): string | undefined {
  const accepted = (request.headers.get('accept') ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim())
    .filter(Boolean)
  if (accepted.length === 0) return offers[0]
  for (const type of accepted) {
    for (const offer of offers) {
      let i = 0
      for (; i < type.length && i < offer.length; i++) {
        if (type[i] === '*' || offer[i] === '*') return offer
        if (type[i] !== offer[i]) break
      }
      if (i === type.length) return offer
    }
  }
  return undefined
}
