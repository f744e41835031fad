import { escapeHtml } from '../core/html.ts'
import type { SeededAccount } from './fixtures.ts'
import type { GtsState, NotificationRecord, StatusRecord } from './state.ts'

/**
 * The JSON shapes of GoToSocial's frontend model (`internal/typeutils/internaltofrontend.go`; tested shapes in
 * `internaltofrontend_test.go`), with the fields a Mastodon client reads. URLs are on the request's origin.
 */
export interface Origin {
  /** `http://127.0.0.1:4704` */
  origin: string
  /** `127.0.0.1:4704` (GoToSocial's `host`) */
  host: string
}

export function originOf(request: Request): Origin {
  const url = new URL(request.url)
  return { origin: url.origin, host: url.host }
}

const ROLES = {
  admin: { id: 'admin', name: 'admin', color: '', permissions: '146366', highlighted: true },
  moderator: { id: 'moderator', name: 'moderator', color: '', permissions: '1040', highlighted: true },
  user: { id: 'user', name: 'user', color: '', permissions: '0', highlighted: false },
} as const

/** An Account; `withSource` for the caller's own (verify_credentials, `AccountToAPIAccountSensitive`). */
export function accountJson(account: SeededAccount, state: GtsState, o: Origin, withSource = false): Record<string, unknown> {
  const statuses = [...state.statuses.values()].filter((s) => s.accountId === account.id)
  const last = statuses.reduce((max, s) => Math.max(max, s.createdAt), 0)
  return {
    id: account.id,
    username: account.username,
    acct: account.username,
    display_name: account.display_name,
    locked: false,
    discoverable: true,
    bot: false,
    created_at: account.created_at,
    note: account.note ? `<p>${escapeHtml(account.note)}</p>` : '',
    url: `${o.origin}/@${account.username}`,
    avatar: `${o.origin}/assets/default_avatars/GoToSocial_icon1.webp`,
    avatar_static: `${o.origin}/assets/default_avatars/GoToSocial_icon1.webp`,
    header: `${o.origin}/assets/default_header.webp`,
    header_static: `${o.origin}/assets/default_header.webp`,
    followers_count: 0,
    following_count: 0,
    statuses_count: statuses.length,
    last_status_at: last ? new Date(last).toISOString().slice(0, 10) : null,
    emojis: [],
    fields: [],
    ...(withSource
      ? {
          source: {
            privacy: 'public',
            web_visibility: 'unlisted',
            web_layout: 'microblog',
            sensitive: false,
            language: 'en',
            status_content_type: 'text/plain',
            note: account.note,
            fields: [],
            follow_requests_count: 0,
          },
        }
      : {}),
    enable_rss: false,
    ...(withSource || account.role !== 'user' ? { role: ROLES[account.role] } : {}),
    group: false,
  }
}

export function statusJson(status: StatusRecord, state: GtsState, o: Origin): Record<string, unknown> {
  const author = state.accounts.get(status.accountId)!
  const app = status.applicationId ? [...state.apps.values()].find((a) => a.id === status.applicationId) : undefined
  return {
    id: status.id,
    created_at: new Date(status.createdAt).toISOString(),
    edited_at: null,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: status.sensitive,
    spoiler_text: status.spoilerText,
    visibility: status.visibility,
    language: status.language,
    uri: `${o.origin}/users/${author.username}/statuses/${status.id}`,
    url: `${o.origin}/@${author.username}/statuses/${status.id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    content: `<p>${escapeHtml(status.text)}</p>`,
    reblog: null,
    ...(app ? { application: { name: app.name, ...(app.website ? { website: app.website } : {}) } } : {}),
    account: accountJson(author, state, o),
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
    text: status.text,
    interaction_policy: {
      can_favourite: { always: ['public', 'me'], with_approval: [] },
      can_reply: { always: ['public', 'me'], with_approval: [] },
      can_reblog: { always: ['public', 'me'], with_approval: [] },
    },
  }
}

export function notificationJson(n: NotificationRecord, state: GtsState, o: Origin): Record<string, unknown> {
  const status = n.statusId ? state.statuses.get(n.statusId) : undefined
  return {
    id: n.id,
    type: n.type,
    created_at: new Date(n.createdAt).toISOString(),
    account: accountJson(state.accounts.get(n.actorId)!, state, o),
    ...(status ? { status: statusJson(status, state, o) } : {}),
  }
}

/** `GET /api/v1/instance` (`internaltofrontend.go:1560-1700`): what a Mastodon client reads before signing in. */
export function instanceJson(state: GtsState, o: Origin): Record<string, unknown> {
  const { instance } = state.fixtures
  const contact = state.fixtures.accounts.find((a) => a.username === instance.contact)!
  const active = state.fixtures.accounts.filter((a) => a.state === 'active').length
  return {
    uri: o.host,
    account_domain: o.host,
    title: instance.title,
    description: `<p>${escapeHtml(instance.description)}</p>`,
    description_text: instance.description,
    short_description: `<p>${escapeHtml(instance.description)}</p>`,
    short_description_text: instance.description,
    email: contact.email,
    version: state.traits.version,
    languages: ['en'],
    registrations: false,
    approval_required: true,
    invites_enabled: false,
    configuration: {
      statuses: { max_characters: 5000, max_media_attachments: 6, characters_reserved_per_url: 25, supported_mime_types: ['text/plain', 'text/markdown'] },
      media_attachments: { supported_mime_types: ['image/jpeg', 'image/png', 'image/webp'], image_size_limit: 41943040, image_matrix_limit: 16777216, video_size_limit: 41943040, video_frame_rate_limit: 60, video_matrix_limit: 16777216 },
      polls: { max_options: 6, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
      accounts: { allow_custom_css: false, max_featured_tags: 10, max_profile_fields: 6 },
      emojis: { emoji_size_limit: 51200 },
      oidc_enabled: false,
    },
    urls: { streaming_api: `wss://${o.host}` },
    stats: { domain_count: 0, status_count: state.statuses.size, user_count: active },
    thumbnail: `${o.origin}/assets/logo.webp`,
    contact_account: accountJson(contact, state, o),
    max_toot_chars: 5000,
    rules: [],
  }
}

export const NODEINFO_SCHEMA = 'http://nodeinfo.diaspora.software/ns/schema/'

export function nodeinfoJson(version: '2.0' | '2.1', state: GtsState): Record<string, unknown> {
  const software = { name: 'gotosocial', version: state.traits.version, ...(version === '2.1' ? { repository: 'https://codeberg.org/superseriousbusiness/gotosocial', homepage: 'https://docs.gotosocial.org' } : {}) }
  const users = state.fixtures.accounts.filter((a) => a.state === 'active').length
  return {
    version,
    software,
    protocols: ['activitypub'],
    services: { inbound: [], outbound: [] },
    openRegistrations: false,
    usage: { users: { total: users }, ...(state.statuses.size ? { localPosts: state.statuses.size } : {}) },
    metadata: {},
  }
}
