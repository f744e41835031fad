import { html, SafeHtml } from '../core/html.ts'

/**
 * GoToSocial's pages in its templates' markup (`web/template/{sign-in,authorize,oob,error,404}.tmpl`): the form
 * field names, actions and texts a client or a person relies on are upstream's; the page frame is the mock's own.
 * Pages are `text/html; charset=utf-8` (gin `c.HTML`); their cache headers come from the route group.
 */
const HTML = 'text/html; charset=utf-8'

export const STYLESHEET = `body{font-family:system-ui,sans-serif;background:#2b2b2b;color:#eee;margin:0}
.page{max-width:40rem;margin:0 auto;padding:1rem}header,footer{color:#bbb}main{background:#3b3b3b;border-radius:.5rem;padding:1.5rem}
label{display:block;margin-top:1rem}input{display:block;width:100%;padding:.5rem;margin-top:.25rem;box-sizing:border-box}
.btn{margin-top:1.5rem;padding:.6rem 1.2rem;border:0;border-radius:.3rem;background:#5c8a3a;color:#fff;font-size:1rem;cursor:pointer}
code,pre{background:#222;padding:.2rem .4rem;border-radius:.2rem;word-break:break-all;white-space:pre-wrap}a{color:#fd6a00}`

export function pageResponse(instanceTitle: string, pageTitle: string, body: SafeHtml, status = 200, headers: Record<string, string> = {}): Response {
  const text = html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${instanceTitle} - ${pageTitle}</title><link rel="stylesheet" href="/assets/mock.css"></head><body><div class="page"><header class="page-header"><h1>${instanceTitle}</h1></header><main>${body}</main><footer class="page-footer"><p>Powered by GoToSocial (authconform mock)</p></footer></div></body></html>`
  return new Response(text.value, { status, headers: { ...headers, 'content-type': HTML } })
}

/** The sign-in form: the field `username` carries the e-mail address; no hidden field, no CSRF token. */
export function signInBody(current: boolean): SafeHtml {
  const email = current
    ? html`<label for="username">Email</label><input type="email" name="username" id="username" autocomplete="username" required autofocus placeholder="Please enter your email address">`
    : html`<label for="email">Email</label><input type="email" name="username" required placeholder="Please enter your email address">`
  const password = current
    ? html`<label for="password">Password</label><input type="password" name="password" id="password" autocomplete="current-password" required placeholder="Please enter your password">`
    : html`<label for="password">Password</label><input type="password" name="password" required placeholder="Please enter your password">`
  return html`<section class="login"><h1>Login</h1><form action="/auth/sign_in" method="POST">${email}${password}<button type="submit" class="btn btn-success">Sign in</button></form></section>`
}

export interface AuthorizeView {
  username: string
  appName: string
  website?: string
  scope: string
  redirectUri: string
}

/** The authorize page: a form posting nothing but the click (no fields, no Deny button). */
export function authorizeBody(view: AuthorizeView): SafeHtml {
  const app = view.website ? html`<a href="${view.website}" rel="nofollow noreferrer noopener" target="_blank">${view.appName}</a>` : view.appName
  return html`<form action="/oauth/authorize" method="POST"><p>Hi <b>${view.username}</b>!</p><p>Application <b>${app}</b> would like to perform actions on your behalf, with scope <em>${view.scope}</em>.</p><p>To continue, the application will redirect to: <code>${view.redirectUri}</code></p><button type="submit" class="btn btn-success">Allow</button></form>`
}

/** The out-of-band page: the code is the text of `section.oob-token code`. */
export function oobBody(view: { username: string; scope: string; code: string }): SafeHtml {
  return html`<section class="oob-token"><h1>Hi <b>${view.username}</b>!</h1><p>Here's your out-of-band token with scope "<em>${view.scope}</em>", use it wisely:</p><code>${view.code}</code></section>`
}

/** The error page (`error.tmpl`), same status as the JSON answer would have; 404 has its own page. */
export function errorPage(instanceTitle: string, status: number, text: string, headers: Record<string, string>): Response {
  const requestId = crypto.randomUUID()
  const body =
    status === 404
      ? html`<section class="error"><h1>404: Page Not Found</h1><p>${text}</p><p>Request ID: <code>${requestId}</code></p></section>`
      : html`<section class="error"><h1>An error occured:</h1><pre>${text}</pre><p>Request ID: <code>${requestId}</code></p></section>`
  return pageResponse(instanceTitle, status === 404 ? 'Not Found' : 'Error', body, status, { ...headers, 'x-request-id': requestId })
}

/** Go's `http.Redirect` body for a GET (a POST's redirect has none). */
export function seeOtherBody(location: string): string {
  return html`<a href="${location}">See Other</a>.\n\n`.value
}

export { SafeHtml }
