/**
 * Generated from openapi/gotosocial.yaml by `npm run generate` (openapi-typescript). Do not edit.
 */

export interface paths {
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register an application
         * @description Form, multipart, JSON or XML body. `redirect_uris` is one string, several URIs separated by `\n`; a JSON array
         *     is refused (400). `scopes` is space-separated, stored as given, default `read`.
         *     gotosocial@0.18: `redirect_uris` is required, any `Authorization` header is ignored, and the answer lacks
         *     `created_at`, `redirect_uris` and `scopes`. gotosocial@0.19: `redirect_uris` defaults to
         *     `urn:ietf:wg:oauth:2.0:oob`; a *valid* token sent along must permit `write:applications` (else 403) and makes
         *     the app user-managed; an unknown token is ignored.
         */
        post: operations["appCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start the flow (no session) or show the authorize page (signed in)
         * @description Without a signed-in session: the query is stored in the session cookie and the browser is sent to
         *     `/auth/sign_in` (303). Nothing is validated yet except presence of `response_type`, `client_id`, `redirect_uri`.
         *     `scope` defaults to `read`; `+` and spaces separate scopes. With a signed-in session (within the cookie's 120 s):
         *     the query is ignored and the authorize page is rendered from the session (200), unless the user's e-mail is
         *     unconfirmed, the account unapproved, or disabled/suspended (303 to `/auth/check_your_email`,
         *     `/auth/wait_for_approval`, `/auth/account_disabled` — paths the server does not route, so they end in 404).
         *     An unknown `client_id` is only noticed here, after sign-in: 500 in gotosocial@0.19, 400 in gotosocial@0.18.
         *     Only `text/html` is offered (406 otherwise).
         */
        get: operations["oauthAuthorizeGet"];
        put?: never;
        /**
         * Allow — issue the authorization code
         * @description Everything comes from the session; the body is ignored and there is no CSRF token. Checks, in order:
         *     session values (500 if missing), account state (303), `response_type` (401), requested scopes ⊆ the app's
         *     scopes (gotosocial@0.19; else a redirect carrying `error=invalid_scope`), redirect URI registered (exact match
         *     in gotosocial@0.19; host-suffix match in gotosocial@0.18, where an OOB app accepts any URI; else a redirect
         *     carrying `error=server_error`). Success: 302 to `/oauth/oob?code=…` for `urn:ietf:wg:oauth:2.0:oob`, else to
         *     `<redirect_uri>?code=…&state=…`. The code is 48 characters, single-use, bound to client, redirect URI, user
         *     and scope, stored for 10 minutes (refused after ~5, see the catalogue). Non-OOB: the session is cleared here;
         *     OOB: it is kept for /oauth/oob.
         */
        post: operations["oauthAuthorizePost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign_in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sign-in page
         * @description One form posting `username` (the e-mail address) and `password` to `/auth/sign_in`; no CSRF token. Only `text/html` is offered.
         */
        get: operations["signInGet"];
        put?: never;
        /**
         * Check e-mail and password
         * @description Only the password is checked here; account state is checked on the next page. Success → 302 to
         *     `/oauth/authorize` (or `/auth/2fa` for a TOTP user, gotosocial@0.19). Missing field: 400 in gotosocial@0.19
         *     (session cleared), 401 in gotosocial@0.18. Wrong e-mail or password: 401, session kept, same text for both.
         */
        post: operations["signInPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/oob": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The out-of-band page showing the code
         * @description Shows the `code` query value (not checked against anything) in `section.oob-token code` (a local client may also
         *     see a trusted-proxies warning with other `<code>` elements in the header), then
         *     clears the session. Needs the session left by POST /oauth/authorize (500 without it in gotosocial@0.19, 400 in
         *     gotosocial@0.18).
         */
        get: operations["oauthOob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a code (or the client credentials) for a bearer token
         * @description Form, multipart, JSON or XML body; client credentials in the body only (HTTP Basic is not read);
         *     `code_verifier` is dropped. Errors are `{"error","error_description"}` with the status below — never 401.
         *     authorization_code: `scope` in this request is ignored; the token gets the code's scope; no `expires_in`, no
         *     refresh token, the token never expires. client_credentials: an app-only token (no user) with `expires_in`
         *     7200 (refused after ~1 h); gotosocial@0.19 checks its scope against the app's (default `read`).
         *     The code is not consumed by a failed exchange; a successful one consumes it.
         */
        post: operations["oauthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a token (gotosocial@0.19; 404 in gotosocial@0.18)
         * @description Form fields only: a JSON body binds `token` but never `client_id`/`client_secret`, so it gets 400
         *     `client_id not set`. Idempotent: an unknown or already revoked token answers 200 `{}` too.
         */
        post: operations["oauthTokenRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/verify_credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account the token belongs to, with `source`
         * @description gotosocial@0.19 needs `profile`, `read:accounts` or `read`; gotosocial@0.18 accepts any user token.
         */
        get: operations["accountVerify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notifications, newest first
         * @description gotosocial@0.19 needs `read:notifications` or `read`; gotosocial@0.18 accepts any user token.
         */
        get: operations["notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a status
         * @description gotosocial@0.19 needs `write:statuses` or `write`; gotosocial@0.18 accepts any user token (a `read` token can
         *     post). JSON, form or multipart only: parameters in the query string with no body → 406.
         */
        post: operations["statusCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Instance metadata (public)
         * @description Any credential, or none, gets 200.
         */
        get: operations["instanceGetV1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/nodeinfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the nodeinfo documents are */
        get: operations["nodeInfoWellKnown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodeinfo/{schema_version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Nodeinfo 2.0 or 2.1
         * @description `software.name` is `gotosocial` (what megalodon's detector keys on). 2.1 adds `software.repository` and `software.homepage`.
         */
        get: operations["nodeInfoGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description `http.StatusText(code)` + ": " + help texts joined by ": " (or a fixed text: Not Found, rate limit reached, the teapot). */
        ApiError: {
            error: string;
        };
        /** @description `error` is the underlying error's text (an RFC 6749 code, or e.g. `invalid redirect uri`, `sql: no rows in result set`); `error_description` the status text and help. */
        OAuthError: {
            error: string;
            error_description: string;
        };
        /** @description A full HTML page (`text/html; charset=utf-8`) in the instance's page template. */
        HtmlPage: string;
        AppCreateRequest: {
            client_name: string;
            /** @description One URI, or several separated by `\n`; default `urn:ietf:wg:oauth:2.0:oob` (required in gotosocial@0.18). */
            redirect_uris?: string;
            /**
             * @description Space-separated.
             * @default read
             */
            scopes: string;
            website?: string;
        };
        /** @description The upstream `application` definition, with what registration always returns. */
        Application: components["schemas"]["application"] & {
            id: string;
            client_id: string;
            /** Format: uuid */
            client_secret: string;
            /** @description The registered URIs joined by `\n`. */
            redirect_uri: string;
            /**
             * Format: date-time
             * @description gotosocial@0.19.
             */
            created_at?: string;
            /** @description gotosocial@0.19. */
            redirect_uris?: string[];
            /** @description gotosocial@0.19. */
            scopes?: string[];
        };
        SignInForm: {
            /**
             * Format: email
             * @description The e-mail address (the field is named username).
             */
            username: string;
            password: string;
        };
        TokenRequest: {
            /** @enum {string} */
            grant_type: "authorization_code" | "client_credentials";
            /** @description Required for authorization_code; refused with any other grant. */
            code?: string;
            /** @description Required for both grants; must be registered and, for a code, equal the code's. */
            redirect_uri: string;
            client_id: string;
            client_secret: string;
            /** @description client_credentials only (ignored for a code). */
            scope?: string;
        };
        /** @description The upstream `oauthToken` definition; `expires_in` only on client_credentials tokens. */
        Token: components["schemas"]["oauthToken"] & {
            access_token: string;
            created_at: number;
            /** @description Space-separated. Absent only for a gotosocial@0.18 client_credentials token requested without a scope. */
            scope?: string;
            /** @constant */
            token_type: "Bearer";
            /** @constant */
            expires_in?: 7200;
        };
        RevokeRequest: {
            token: string;
            client_id: string;
            client_secret: string;
        };
        /** @description The upstream `account` definition with the fields the server always sends, `source` included. */
        AccountWithSource: components["schemas"]["account"] & {
            source: components["schemas"]["Source"] & Record<string, never>;
        };
        /** @enum {string} */
        NotificationType: "follow" | "follow_request" | "mention" | "reblog" | "favourite" | "poll" | "status" | "admin.sign_up" | "pending.favourite" | "pending.reply" | "pending.reblog" | "admin.report" | "update";
        Notification: components["schemas"]["notification"] & {
            type: components["schemas"]["NotificationType"];
        };
        /** @description The main fields (see the upstream statusCreate parameters for polls and interaction policies). */
        StatusCreateRequest: {
            status?: string;
            media_ids?: string[];
            in_reply_to_id?: string;
            sensitive?: boolean;
            spoiler_text?: string;
            /** @enum {string} */
            visibility?: "public" | "unlisted" | "private" | "mutuals_only" | "direct";
            local_only?: boolean;
            scheduled_at?: string;
            language?: string;
            /** @enum {string} */
            content_type?: "text/plain" | "text/markdown";
        };
        Status: components["schemas"]["status"] & {
            id: string;
            created_at: string;
            sensitive: boolean;
            spoiler_text: string;
            /** @enum {string} */
            visibility: "public" | "unlisted" | "private" | "mutuals_only" | "direct";
            uri: string;
            content: string;
            account: Record<string, never>;
            media_attachments: unknown[];
            mentions: unknown[];
            tags: unknown[];
            emojis: unknown[];
        };
        InstanceV1: components["schemas"]["instanceV1"] & {
            /** @description The account domain or host, without scheme. */
            uri: string;
            /** @constant */
            approval_required: true;
            /** @constant */
            invites_enabled: false;
        };
        NodeInfoLinks: {
            links: {
                /** @enum {string} */
                rel: "http://nodeinfo.diaspora.software/ns/schema/2.0" | "http://nodeinfo.diaspora.software/ns/schema/2.1";
                /** Format: uri */
                href: string;
            }[];
        };
        NodeInfo: components["schemas"]["nodeinfo"] & {
            /** @enum {string} */
            version: "2.0" | "2.1";
            software: {
                /** @constant */
                name: "gotosocial";
                version: string;
                repository?: string;
                homepage?: string;
            };
        };
        FilterAction: string;
        InstanceConfigurationEmojis: {
            /** Format: int64 */
            emoji_size_limit?: number;
        };
        Mention: {
            acct?: string;
            id?: string;
            url?: string;
            username?: string;
        };
        NodeInfoServices: {
            inbound?: string[];
            outbound?: string[];
        };
        NodeInfoSoftware: {
            homepage?: string;
            name?: string;
            repository?: string;
            version?: string;
        };
        NodeInfoUsage: {
            /** Format: int64 */
            localComments?: number;
            /** Format: int64 */
            localPosts?: number;
            users?: components["schemas"]["NodeInfoUsers"];
        };
        NodeInfoUsers: {
            /** Format: int64 */
            activeHalfYear?: number;
            /** Format: int64 */
            activeMonth?: number;
            /** Format: int64 */
            total?: number;
        };
        ScheduledStatusParams: {
            application_id?: string;
            content_type?: string;
            in_reply_to_id?: string;
            interaction_policy?: components["schemas"]["interactionPolicy"];
            language?: string;
            local_only?: boolean;
            media_ids?: string[];
            poll?: components["schemas"]["ScheduledStatusParamsPoll"];
            scheduled_at?: string;
            sensitive?: boolean;
            spoiler_text?: string;
            text?: string;
            visibility?: string;
        };
        ScheduledStatusParamsPoll: {
            /** Format: int64 */
            expires_in?: number;
            hide_totals?: boolean;
            multiple?: boolean;
            options?: string[];
        };
        Source: {
            also_known_as_uris?: string[];
            fields?: components["schemas"]["field"][];
            /** Format: int64 */
            follow_requests_count?: number;
            language?: string;
            note?: string;
            privacy?: string;
            sensitive?: boolean;
            status_content_type?: string;
            web_layout?: string;
            web_visibility?: string;
        };
        account: {
            acct?: string;
            avatar?: string;
            avatar_description?: string;
            avatar_media_id?: string;
            avatar_static?: string;
            bot?: boolean;
            created_at?: string;
            custom_css?: string;
            discoverable?: boolean;
            display_name?: string;
            emojis?: components["schemas"]["emoji"][];
            enable_rss?: boolean;
            fields?: components["schemas"]["field"][];
            /** Format: int64 */
            followers_count?: number;
            /** Format: int64 */
            following_count?: number;
            group?: boolean;
            header?: string;
            header_description?: string;
            header_media_id?: string;
            header_static?: string;
            hide_collections?: boolean;
            id?: string;
            last_status_at?: string | null;
            locked?: boolean;
            moved?: components["schemas"]["account"];
            note?: string;
            role?: components["schemas"]["accountRole"];
            roles?: components["schemas"]["accountDisplayRole"][];
            source?: components["schemas"]["Source"];
            /** Format: int64 */
            statuses_count?: number;
            suspended?: boolean;
            theme?: string;
            url?: string;
            username?: string;
        };
        accountDisplayRole: {
            color?: string;
            id?: string;
            name?: string;
        };
        accountRole: {
            color?: string;
            highlighted?: boolean;
            id?: string;
            name?: string;
            permissions?: string;
        };
        application: {
            client_id?: string;
            client_secret?: string;
            created_at?: string;
            id?: string;
            name?: string;
            redirect_uri?: string;
            redirect_uris?: string[];
            scopes?: string[];
            vapid_key?: string;
            website?: string;
        };
        attachment: {
            blurhash?: string | null;
            description?: string | null;
            id?: string;
            meta?: components["schemas"]["mediaMeta"] | null;
            preview_remote_url?: string | null;
            preview_url?: string | null;
            remote_url?: string | null;
            text_url?: string | null;
            type?: string;
            url?: string | null;
        };
        card: {
            author_name?: string;
            author_url?: string;
            blurhash?: string;
            description?: string;
            embed_url?: string;
            /** Format: int64 */
            height?: number;
            html?: string;
            image?: string;
            provider_name?: string;
            provider_url?: string;
            title?: string;
            type?: string;
            url?: string;
            /** Format: int64 */
            width?: number;
        };
        emoji: {
            category?: string;
            shortcode?: string;
            static_url?: string;
            url?: string;
            visible_in_picker?: boolean;
        };
        field: {
            name?: string;
            value?: string;
            verified_at?: string | null;
        };
        filterContext: string;
        filterKeyword: {
            id?: string;
            keyword?: string;
            whole_word?: boolean;
        };
        filterResult: {
            filter?: components["schemas"]["filterV2"];
            keyword_matches?: string[];
            status_matches?: string[];
        };
        filterStatus: {
            id?: string;
            phrase?: string;
        };
        filterV2: {
            context?: components["schemas"]["filterContext"][];
            expires_at?: string;
            filter_action?: components["schemas"]["FilterAction"];
            id?: string;
            keywords?: components["schemas"]["filterKeyword"][];
            statuses?: components["schemas"]["filterStatus"][];
            title?: string;
        };
        instanceConfigurationAccounts: {
            allow_custom_css?: boolean;
            /** Format: int64 */
            max_featured_tags?: number;
            /** Format: int64 */
            max_profile_fields?: number;
        };
        instanceConfigurationMediaAttachments: {
            /** Format: int64 */
            description_limit?: number;
            /** Format: int64 */
            description_minimum?: number;
            /** Format: int64 */
            image_matrix_limit?: number;
            /** Format: int64 */
            image_size_limit?: number;
            supported_mime_types?: string[];
            /** Format: int64 */
            video_frame_rate_limit?: number;
            /** Format: int64 */
            video_matrix_limit?: number;
            /** Format: int64 */
            video_size_limit?: number;
        };
        instanceConfigurationPolls: {
            /** Format: int64 */
            max_characters_per_option?: number;
            /** Format: int64 */
            max_expiration?: number;
            /** Format: int64 */
            max_options?: number;
            /** Format: int64 */
            min_expiration?: number;
        };
        instanceConfigurationStatuses: {
            /** Format: int64 */
            characters_reserved_per_url?: number;
            /** Format: int64 */
            max_characters?: number;
            /** Format: int64 */
            max_media_attachments?: number;
            supported_mime_types?: string[];
        };
        instanceRule: {
            id?: string;
            text?: string;
        };
        instanceV1: {
            account_domain?: string;
            approval_required?: boolean;
            configuration?: components["schemas"]["instanceV1Configuration"];
            contact_account?: components["schemas"]["account"];
            custom_css?: string;
            debug?: boolean;
            description?: string;
            description_text?: string;
            email?: string;
            invites_enabled?: boolean;
            languages?: string[];
            /** Format: uint64 */
            max_toot_chars?: number;
            registrations?: boolean;
            rules?: components["schemas"]["instanceRule"][];
            short_description?: string;
            short_description_text?: string;
            stats?: {
                [key: string]: number;
            };
            terms?: string;
            terms_text?: string;
            thumbnail?: string;
            thumbnail_description?: string;
            thumbnail_static?: string;
            thumbnail_static_type?: string;
            thumbnail_type?: string;
            title?: string;
            uri?: string;
            urls?: components["schemas"]["instanceV1URLs"];
            version?: string;
        };
        instanceV1Configuration: {
            accounts?: components["schemas"]["instanceConfigurationAccounts"];
            emojis?: components["schemas"]["InstanceConfigurationEmojis"];
            media_attachments?: components["schemas"]["instanceConfigurationMediaAttachments"];
            oidc_enabled?: boolean;
            polls?: components["schemas"]["instanceConfigurationPolls"];
            statuses?: components["schemas"]["instanceConfigurationStatuses"];
        };
        instanceV1URLs: {
            streaming_api?: string;
        };
        interactionPolicy: {
            can_favourite?: components["schemas"]["interactionPolicyRules"];
            can_reblog?: components["schemas"]["interactionPolicyRules"];
            can_reply?: components["schemas"]["interactionPolicyRules"];
        };
        interactionPolicyRules: {
            always?: components["schemas"]["interactionPolicyValue"][];
            automatic_approval?: components["schemas"]["interactionPolicyValue"][];
            manual_approval?: components["schemas"]["interactionPolicyValue"][];
            with_approval?: components["schemas"]["interactionPolicyValue"][];
        };
        interactionPolicyValue: string;
        mediaDimensions: {
            /** Format: float */
            aspect?: number;
            /** Format: uint64 */
            bitrate?: number;
            /** Format: float */
            duration?: number;
            frame_rate?: string;
            /** Format: int64 */
            height?: number;
            size?: string;
            /** Format: int64 */
            width?: number;
        };
        mediaFocus: {
            /** Format: float */
            x?: number;
            /** Format: float */
            y?: number;
        };
        mediaMeta: {
            focus?: components["schemas"]["mediaFocus"];
            original?: components["schemas"]["mediaDimensions"];
            small?: components["schemas"]["mediaDimensions"];
        };
        nodeinfo: {
            metadata?: {
                [key: string]: unknown;
            };
            openRegistrations?: boolean;
            protocols?: string[];
            services?: components["schemas"]["NodeInfoServices"];
            software?: components["schemas"]["NodeInfoSoftware"];
            usage?: components["schemas"]["NodeInfoUsage"];
            version?: string;
        };
        notification: {
            account?: components["schemas"]["account"];
            created_at?: string;
            id?: string;
            status?: components["schemas"]["status"];
            type?: string;
        };
        oauthToken: {
            access_token?: string;
            /** Format: int64 */
            created_at?: number;
            scope?: string;
            token_type?: string;
        };
        poll: {
            emojis?: components["schemas"]["emoji"][];
            expired?: boolean;
            expires_at?: string | null;
            id?: string;
            multiple?: boolean;
            options?: components["schemas"]["pollOption"][];
            own_votes?: number[];
            voted?: boolean;
            /** Format: int64 */
            voters_count?: number | null;
            /** Format: int64 */
            votes_count?: number;
        };
        pollOption: {
            title?: string;
            /** Format: int64 */
            votes_count?: number | null;
        };
        scheduledStatus: {
            id?: string;
            media_attachments?: components["schemas"]["attachment"][];
            params?: components["schemas"]["ScheduledStatusParams"];
            scheduled_at?: string;
        };
        status: {
            account?: components["schemas"]["account"];
            application?: components["schemas"]["application"];
            bookmarked?: boolean;
            card?: components["schemas"]["card"] | null;
            content?: string;
            content_type?: string;
            created_at?: string;
            edited_at?: string | null;
            emojis?: components["schemas"]["emoji"][];
            favourited?: boolean;
            /** Format: int64 */
            favourites_count?: number;
            filtered?: components["schemas"]["filterResult"][];
            id?: string;
            in_reply_to_account_id?: string | null;
            in_reply_to_id?: string | null;
            interaction_policy?: components["schemas"]["interactionPolicy"];
            language?: string | null;
            local_only?: boolean;
            media_attachments?: components["schemas"]["attachment"][];
            mentions?: components["schemas"]["Mention"][];
            muted?: boolean;
            pinned?: boolean;
            poll?: components["schemas"]["poll"] | null;
            reblog?: components["schemas"]["statusReblogged"] | null;
            reblogged?: boolean;
            /** Format: int64 */
            reblogs_count?: number;
            /** Format: int64 */
            replies_count?: number;
            sensitive?: boolean;
            spoiler_text?: string;
            tags?: components["schemas"]["tag"][];
            text?: string;
            uri?: string;
            url?: string;
            visibility?: string;
        };
        statusReblogged: {
            account?: components["schemas"]["account"];
            application?: components["schemas"]["application"];
            bookmarked?: boolean;
            card?: components["schemas"]["card"] | null;
            content?: string;
            content_type?: string;
            created_at?: string;
            edited_at?: string | null;
            emojis?: components["schemas"]["emoji"][];
            favourited?: boolean;
            /** Format: int64 */
            favourites_count?: number;
            filtered?: components["schemas"]["filterResult"][];
            id?: string;
            in_reply_to_account_id?: string | null;
            in_reply_to_id?: string | null;
            interaction_policy?: components["schemas"]["interactionPolicy"];
            language?: string | null;
            local_only?: boolean;
            media_attachments?: components["schemas"]["attachment"][];
            mentions?: components["schemas"]["Mention"][];
            muted?: boolean;
            pinned?: boolean;
            poll?: components["schemas"]["poll"] | null;
            reblog?: components["schemas"]["statusReblogged"] | null;
            reblogged?: boolean;
            /** Format: int64 */
            reblogs_count?: number;
            /** Format: int64 */
            replies_count?: number;
            sensitive?: boolean;
            spoiler_text?: string;
            tags?: components["schemas"]["tag"][];
            text?: string;
            uri?: string;
            url?: string;
            visibility?: string;
        };
        tag: {
            following?: boolean;
            history?: unknown[];
            name?: string;
            url?: string;
        };
    };
    responses: {
        /**
         * @description No token, or an unknown/revoked/expired/malformed one (`token not supplied`); an app-only token or a user who
         *     is unconfirmed, unapproved or disabled (`user not supplied or not authorized`); a suspended account
         *     (`account not supplied or not authorized`). No WWW-Authenticate header.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /** @description gotosocial@0.19 — none of the token's scopes permits the operation. No WWW-Authenticate header. */
        InsufficientScope: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /** @description The Accept header excludes the only type this endpoint produces (rendered as HTML when the client asked for HTML). */
        NotAcceptable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /** @description The request has no User-Agent header (every path). */
        NoUserAgent: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description More than 300 requests in 5 minutes from one address (default). */
        RateLimited: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /**
         * @description gotosocial@0.19 — the session lacks what this step needs (no cookie, expired cookie, server restarted, steps out
         *     of order) or names an unknown client; the session is cleared.
         */
        SessionBroken: {
            headers: {
                "Set-Cookie": components["headers"]["SessionCookie"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        CacheControlNoStore: "no-store";
        PragmaNoCache: "no-cache";
        /** @description The session cookie, e.g. `gotosocial-example.org=MTc…; Path=/; Domain=example.org; Expires=…; Max-Age=120; HttpOnly; Secure; SameSite=Lax`. */
        SessionCookie: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    appCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["AppCreateRequest"];
                "multipart/form-data": components["schemas"]["AppCreateRequest"];
                "application/json": components["schemas"]["AppCreateRequest"];
            };
        };
        responses: {
            /** @description The registered application, with its client secret. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description Missing `client_name`, a field too long, an unparseable URI, or `redirect_uris` as a JSON array. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            /** @description gotosocial@0.19 — a valid token was sent that does not permit `write:applications`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            406: components["responses"]["NotAcceptable"];
            418: components["responses"]["NoUserAgent"];
            429: components["responses"]["RateLimited"];
        };
    };
    oauthAuthorizeGet: {
        parameters: {
            query: {
                /** @description Checked only at POST /oauth/authorize (anything but `code` → 401 there). */
                response_type: "code";
                /** @example 01K6MZ3YVZ3W3J7W7K6YV4Q2QX */
                client_id: string;
                /** @example urn:ietf:wg:oauth:2.0:oob */
                redirect_uri: string;
                /**
                 * @description Space- or plus-separated (`read+write`).
                 * @example read write
                 */
                scope?: string;
                /** @description Returned on the redirect (not on the OOB page). */
                state?: string;
                /** @description Stored, otherwise unused. */
                force_login?: string;
                /** @description Accepted and ignored (never stored). */
                code_challenge?: string;
                /** @description Accepted and ignored. */
                code_challenge_method?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The authorize page (signed in). Its form posts nothing but the click. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            /** @description To the sign-in page (new session saved), or to an account-state page for a signed-in user who may not authorize. */
            303: {
                headers: {
                    Location: "/auth/sign_in" | "/auth/check_your_email" | "/auth/wait_for_approval" | "/auth/account_disabled";
                    "Set-Cookie": components["headers"]["SessionCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A required query parameter is missing (session cleared), or gotosocial@0.18's unknown client after sign-in. */
            400: {
                headers: {
                    "Set-Cookie": components["headers"]["SessionCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            406: components["responses"]["NotAcceptable"];
            418: components["responses"]["NoUserAgent"];
            500: components["responses"]["SessionBroken"];
        };
    };
    oauthAuthorizePost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": Record<string, never>;
            };
        };
        responses: {
            /** @description The code (or an OAuth error) on the redirect URI; `/oauth/oob` stands in for the OOB URI on success only. */
            302: {
                headers: {
                    Location: string;
                    "Set-Cookie": components["headers"]["SessionCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The signed-in user may not authorize (unconfirmed, unapproved, disabled or suspended). */
            303: {
                headers: {
                    Location: "/auth/check_your_email" | "/auth/wait_for_approval" | "/auth/account_disabled";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Session values missing or an unknown client (gotosocial@0.18; the mock answers gotosocial@0.19's 500s with 400 too, its text after `Bad Request:`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            /** @description The stored `response_type` is empty or not `code`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            418: components["responses"]["NoUserAgent"];
            500: components["responses"]["SessionBroken"];
        };
    };
    signInGet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sign-in form. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            406: components["responses"]["NotAcceptable"];
            418: components["responses"]["NoUserAgent"];
        };
    };
    signInPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["SignInForm"];
                "multipart/form-data": components["schemas"]["SignInForm"];
            };
        };
        responses: {
            /** @description Signed in; the user id is now in the session. */
            302: {
                headers: {
                    Location: "/oauth/authorize" | "/auth/2fa";
                    "Set-Cookie": components["headers"]["SessionCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description gotosocial@0.19 — `username` or `password` missing (session cleared). */
            400: {
                headers: {
                    "Set-Cookie": components["headers"]["SessionCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            /** @description Unknown e-mail, wrong password (and, in gotosocial@0.18, a missing field). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            418: components["responses"]["NoUserAgent"];
            429: components["responses"]["RateLimited"];
        };
    };
    oauthOob: {
        parameters: {
            query: {
                /** @example ZTG0NJQ4ZJITYZU0ZC0ZNZK5LTG2MJUTZJQ0NMU2NJE5YTKZ */
                code: string;
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The code, for the user to copy. */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["SessionCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            /** @description No `code` query value (and, gotosocial@0.18, no session). */
            400: {
                headers: {
                    "Set-Cookie": components["headers"]["SessionCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            418: components["responses"]["NoUserAgent"];
            500: components["responses"]["SessionBroken"];
        };
    };
    oauthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
                "multipart/form-data": components["schemas"]["TokenRequest"];
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The bearer token. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    Pragma: components["headers"]["PragmaNoCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description Missing fields (all listed), unsupported grant, unknown client, wrong secret, unknown/used code, a code for another client or redirect URI, or an expired code. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description gotosocial@0.19 — redirect URI not registered, or (client_credentials) a scope the app was not registered with. gotosocial@0.18 answers an unregistered redirect URI with 400. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            406: components["responses"]["NotAcceptable"];
            418: components["responses"]["NoUserAgent"];
            429: components["responses"]["RateLimited"];
        };
    };
    oauthTokenRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["RevokeRequest"];
                "multipart/form-data": components["schemas"]["RevokeRequest"];
            };
        };
        responses: {
            /** @description Revoked (or was not there). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description A field missing (checked in the order token, client_id, client_secret). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The token belongs to another client, or the secret is wrong. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description gotosocial@0.18 — the route does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            406: components["responses"]["NotAcceptable"];
            418: components["responses"]["NoUserAgent"];
        };
    };
    accountVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's account. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountWithSource"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            406: components["responses"]["NotAcceptable"];
            418: components["responses"]["NoUserAgent"];
            429: components["responses"]["RateLimited"];
        };
    };
    notifications: {
        parameters: {
            query?: {
                /** @description Older than this id (exclusive). */
                max_id?: string;
                /** @description Newer than this id (exclusive), newest first. */
                since_id?: string;
                /** @description Immediately newer than this id (exclusive). */
                min_id?: string;
                /** @description 0 means 20; clamped to 1…80 (not refused); not an integer → 400. */
                limit?: number;
                /** @description Only these types (unknown values are ignored). */
                "types[]"?: components["schemas"]["NotificationType"][];
                /** @description Not these types (unknown values are ignored). */
                "exclude_types[]"?: components["schemas"]["NotificationType"][];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications (`[]` and no Link header when there are none). */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    /**
                     * @description `<{proto}://{host}/api/v1/notifications?limit=N&max_id=LOWEST>; rel="next", <{proto}://{host}/api/v1/notifications?limit=N&min_id=HIGHEST>; rel="prev"`
                     *     — absolute, query keys sorted (so `exclude_types%5B%5D=…` and `types%5B%5D=…` are carried along),
                     *     prev uses `min_id`.
                     * @example <http://127.0.0.1:4704/api/v1/notifications?limit=20&max_id=01F8Q0ANPTWW10DAKTX7BRPBJP>; rel="next", <http://127.0.0.1:4704/api/v1/notifications?limit=20&min_id=01F8Q0ANPTWW10DAKTX7BRPBJP>; rel="prev"
                     */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"][];
                };
            };
            /** @description `limit` is not an integer. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["InsufficientScope"];
            406: components["responses"]["NotAcceptable"];
            418: components["responses"]["NoUserAgent"];
            429: components["responses"]["RateLimited"];
        };
    };
    statusCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusCreateRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["StatusCreateRequest"];
                "multipart/form-data": components["schemas"]["StatusCreateRequest"];
            };
        };
        responses: {
            /** @description The new status (a scheduled status when `scheduled_at` is in the future). */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"] | components["schemas"]["scheduledStatus"];
                };
            };
            /** @description No text, media or poll; too long; bad poll or date. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Insufficient scope (gotosocial@0.19), or the account is moving. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Accept without JSON, or a Content-Type other than JSON, form or multipart (none included). */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            418: components["responses"]["NoUserAgent"];
            429: components["responses"]["RateLimited"];
        };
    };
    instanceGetV1: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instance. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstanceV1"];
                };
            };
            406: components["responses"]["NotAcceptable"];
            418: components["responses"]["NoUserAgent"];
            429: components["responses"]["RateLimited"];
        };
    };
    nodeInfoWellKnown: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Links to nodeinfo 2.0 and 2.1 (absolute, from the configured protocol and host). */
            200: {
                headers: {
                    "Cache-Control"?: "public, max-age=120";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeInfoLinks"];
                };
            };
            406: components["responses"]["NotAcceptable"];
            418: components["responses"]["NoUserAgent"];
            429: components["responses"]["RateLimited"];
        };
    };
    nodeInfoGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schema_version: "2.0" | "2.1";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The nodeinfo document, as `application/json; profile="http://nodeinfo.diaspora.software/ns/schema/<version>#"`. */
            200: {
                headers: {
                    "Cache-Control"?: "public, max-age=86400";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeInfo"];
                };
            };
            /** @description Any other version. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                    "text/html": components["schemas"]["HtmlPage"];
                };
            };
            406: components["responses"]["NotAcceptable"];
            418: components["responses"]["NoUserAgent"];
            429: components["responses"]["RateLimited"];
        };
    };
}
