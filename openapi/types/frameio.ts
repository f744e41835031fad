/**
 * Generated from openapi/frameio.yaml by `npm run generate` (openapi-typescript). Do not edit.
 */

export interface paths {
    "/v2/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the current authenticated User
         * @description Any valid token, whatever its scopes (inferred). The identity call of the Python SDK and of Frame.io's OAuth demo.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/accounts/{account_id}/teams": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * Get all Teams on an Account (team.read)
         * @description Teams of an Account the user belongs to. Needs `team.read`; an Account the user is not in is 403 (user access), an unknown one 404.
         */
        get: operations["getTeamsByAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/assets/{asset_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset_id: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        /**
         * Get an Asset (asset.read)
         * @description Fetch the full Asset manifest. Needs `asset.read` and access to the Asset's project.
         */
        get: operations["getAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/assets/{asset_id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset_id: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        /**
         * List a folder's Assets (asset.read)
         * @description The Assets directly in the folder `asset_id`. Needs `asset.read`, as every read of an Asset (Frame.io's naming rule, a resource and an action).
         */
        get: operations["getAssetChildren"];
        put?: never;
        /**
         * Create an Asset (asset.create)
         * @description Create a file or folder under the folder `asset_id`. Needs `asset.create` — key-concepts' own example ("a token with the asset.create scope would be able to create new Assets").
         */
        post: operations["createAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Tokens screen (HTML) — descriptions and scopes, never a token */
        get: operations["tokensPage"];
        put?: never;
        /**
         * Create a token from the "New" form (HTML) — the one page that shows it
         * @description The form of `GET /developer/tokens/new`. On success the summary page shows the token once ("once you navigate
         *     off this page, you won't be able to see it again"), with `Cache-Control: no-store`.
         */
        post: operations["createTokenFromPage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/tokens/new": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The "New" token form (HTML) */
        get: operations["newTokenPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/tokens/{token_id}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete a token from the Tokens screen (HTML form) */
        post: operations["deleteTokenFromPage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's developer tokens — descriptions and scopes only */
        get: operations["listDeveloperTokens"];
        put?: never;
        /**
         * Create a developer token with a description and scopes; the token string appears in this answer only
         * @description The token carries exactly the scopes chosen and the creator's own access (what the user may do in the Account).
         *     A bearer token (developer or OAuth) is not a portal credential: only the signed-in user creates tokens.
         */
        post: operations["createDeveloperToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/api/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a developer token; it stops working at once */
        delete: operations["deleteDeveloperToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign-in page (HTML) */
        get: operations["loginPage"];
        put?: never;
        /** Sign in */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth2/auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Authorization endpoint (RFC 6749 §4.1.1)
         * @description Checks, in this order (the first failure wins): `client_id` known → `redirect_uri` registered (exact string
         *     match, a loopback URI on any port; may be omitted when the client has exactly one) → no parameter sent twice →
         *     `response_type=code` → scopes known and registered for
         *     the client → PKCE (`code_challenge_method=S256` only; required for public clients) → `state` of 8+ characters
         *     (Frame.io/Hydra) → session (else to `/login`) → consent (`/consent`).
         *     The first two are answered with an error **page** (400, never a redirect: RFC 6749 §4.1.2.1); every later one is
         *     a **303 to the redirect URI** with `error=…` and the `state` unchanged. A 302 is as good (RFC 6749 §4.1.2 and
         *     §4.1.2.1 answer this GET with `302 Found` in their own examples; RFC 9700 §4.12's 303 is about redirecting
         *     requests that carry credentials, the sign-in and consent POSTs).
         */
        get: operations["authorize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consent page (HTML) */
        get: operations["consentPage"];
        put?: never;
        /** Allow or deny */
        post: operations["consent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth2/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Token endpoint (RFC 6749 §3.2) — authorization_code and refresh_token
         * @description Client authentication: confidential clients by `Authorization: Basic` (documented) or `client_secret` in the body
         *     (RFC 6749 §2.3.1 "NOT RECOMMENDED"), never both; public ("PKCE") clients send `client_id` only and must have used
         *     PKCE. `client_credentials` is not granted to Frame.io apps (`unauthorized_client`).
         *     A code is redeemed atomically exactly once: a second redemption is refused (`invalid_grant`) and revokes every
         *     token the first one issued (RFC 9700 §4.2.4). A failed exchange (wrong redirect URI, verifier, client) leaves the
         *     code usable. A refresh token is issued only when `offline` was granted, rotates on every use, and a replayed one
         *     revokes its whole family (RFC 9700 §4.14.2). Errors are RFC 6749 §5.2 bodies; `invalid_client` is 401 with
         *     `WWW-Authenticate: Basic …` when the client used Basic (Hydra itself sends no challenge — declared).
         */
        post: operations["token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth2/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Token revocation (RFC 7009)
         * @description Revoking an access or a refresh token revokes every token of the same grant (Hydra: both). An unknown, expired,
         *     already revoked or another client's token is answered 200 too (RFC 7009 §2.2; Hydra answers another client's
         *     token with 200 and revokes nothing). A developer token is not an OAuth token and is untouched.
         */
        post: operations["revoke"];
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
        /** @description RFC 6749 §5.2: "Values for the "error" parameter MUST NOT include characters outside the set %x20-21 / %x23-5B / %x5D-7E." */
        ErrorCode: string;
        /**
         * @description The six RFC 6749 §5.2 codes.
         * @enum {string}
         */
        TokenErrorCode: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope";
        /** @description RFC 6749 §5.2 error body (also RFC 7009 §2.2.1 at the revocation endpoint). */
        OAuthError: {
            error: components["schemas"]["ErrorCode"];
            /** @description Human-readable ASCII; "MUST NOT include characters outside the set %x20-21 / %x23-5B / %x5D-7E". */
            error_description?: string;
            /** Format: uri */
            error_uri?: string;
        };
        /** @description RFC 6749 §5.1 successful token response. */
        TokenResponse: {
            access_token: string;
            /** @description "Value is case insensitive" (§5.1) — Frame.io sends `bearer`, GoToSocial `Bearer`. */
            token_type: string;
            /** @description RECOMMENDED; seconds. */
            expires_in?: number;
            refresh_token?: string;
            /** @description Space-delimited. "OPTIONAL, if identical to the scope requested by the client; otherwise, REQUIRED" (§5.1, §3.3). */
            scope?: string;
        };
        /** @description RFC 6749 §4.1.3 (+ RFC 7636 §4.5 `code_verifier`). `client_id` is REQUIRED when the client does not authenticate. */
        AuthorizationCodeTokenRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            grant_type: "AuthorizationCodeTokenRequest";
            code: string;
            /** @description REQUIRED if it was in the authorization request; values MUST be identical. */
            redirect_uri?: string;
            client_id?: string;
            /** @description Body credentials: allowed but "NOT RECOMMENDED" (RFC 6749 §2.3.1). */
            client_secret?: string;
            code_verifier?: string;
        };
        /** @description RFC 6749 §6. */
        RefreshTokenRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            grant_type: "RefreshTokenRequest";
            refresh_token: string;
            /** @description MUST NOT include any scope not originally granted; omitted = the original scope. */
            scope?: string;
            client_id?: string;
            client_secret?: string;
        };
        /** @description RFC 6749 §4.4.2. */
        ClientCredentialsTokenRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            grant_type: "ClientCredentialsTokenRequest";
            scope?: string;
            client_id?: string;
            client_secret?: string;
        };
        /** @description RFC 7009 §2.1; the client authenticates as at the token endpoint. */
        RevocationRequest: {
            token: string;
            /** @enum {string} */
            token_type_hint?: "access_token" | "refresh_token";
            client_id?: string;
            client_secret?: string;
        };
        /** @description Frame.io's error envelope (generated client `HTTPError`); `code` and each `errors[].code`/`status` repeat the HTTP status. */
        HTTPError: {
            code: number;
            message: string;
            errors: {
                code: number;
                status: number;
                title: string;
                detail: string;
            }[];
        };
        /** @enum {string} */
        Scope: "account.read" | "action.create" | "action.delete" | "action.read" | "action.update" | "asset.create" | "asset.delete" | "asset.read" | "asset.update" | "auditlog.read" | "comment.create" | "comment.delete" | "comment.read" | "comment.update" | "offline" | "presentation.create" | "presentation.delete" | "presentation.read" | "presentation.update" | "project.create" | "project.delete" | "project.read" | "project.update" | "reviewlink.create" | "reviewlink.delete" | "reviewlink.read" | "reviewlink.update" | "team.create" | "team.read" | "team.update" | "webhook.create" | "webhook.delete" | "webhook.read" | "webhook.update";
        NewDeveloperToken: {
            description: string;
            scopes: components["schemas"]["Scope"][];
        };
        DeveloperTokenFields: {
            /** Format: uuid */
            id: string;
            description: string;
            scopes: components["schemas"]["Scope"][];
            /** Format: date-time */
            inserted_at: string;
        };
        /** @description What the portal shows of a token after its creation page — "descriptions and scopes". Nothing else (no token, hash or prefix). */
        DeveloperTokenView: components["schemas"]["DeveloperTokenFields"];
        /** @description The creation answer — the only one that carries `token`. */
        CreatedDeveloperToken: {
            /** @description Shown once. `fio-u-` + 64 base64url characters (gitleaks: `fio-u-(?i)[a-z0-9\-_=]{64}`). */
            readonly token: string;
        } & components["schemas"]["DeveloperTokenFields"];
        FrameioTokenResponse: {
            /** @constant */
            token_type?: "bearer";
            /** @constant */
            expires_in: 3600;
            /** @description Space-separated granted scopes. */
            scope: string;
        } & WithRequired<components["schemas"]["TokenResponse"], "expires_in" | "scope">;
        /** @description The User record (generated client `User`); the mock always sends the four fields of the reference sample. */
        User: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            account_id: string;
            email: string;
            name: string;
            _type?: string;
            bio?: unknown;
            context?: unknown;
            deleted_at?: unknown;
            digest_frequency?: string | null;
            email_confirm_by?: unknown;
            email_preferences?: unknown;
            features_seen?: unknown;
            first_login_at?: string | null;
            from_google?: boolean | null;
            image_32?: string | null;
            image_64?: string | null;
            image_128?: string | null;
            image_256?: string | null;
            inserted_at?: string | null;
            joined_via?: string | null;
            last_seen?: string | null;
            location?: unknown;
            mfa_enforced_at?: string | null;
            next_digest_date?: string | null;
            phone?: unknown;
            profile_image?: string | null;
            profile_image_original?: unknown;
            roles?: {
                id?: string;
                admin?: boolean;
                sales?: boolean;
                support?: boolean;
                service_desk?: boolean;
            } | null;
            timezone_value?: string | null;
            updated_at?: string | null;
            upload_url?: string | null;
            user_default_color?: string | null;
            user_hash?: string | null;
        };
        /** @description A Team (generated client `Team`, abridged; the mock sends these fields). */
        Team: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            account_id: string;
            name: string;
            /** Format: uuid */
            creator_id?: string | null;
            /** @enum {string} */
            access?: "private" | "public" | "restricted";
            member_count?: number;
            project_count?: number;
            /** Format: date-time */
            inserted_at?: string | null;
            /** Format: date-time */
            updated_at?: string | null;
            /** Format: date-time */
            deleted_at?: string | null;
        };
        /** @description An Asset (generated client `Asset`, abridged). */
        Asset: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            type: "file" | "folder" | "version_stack" | "bundle";
            /** Format: uuid */
            account_id?: string;
            /** Format: uuid */
            team_id?: string;
            /** Format: uuid */
            project_id?: string;
            /** Format: uuid */
            parent_asset_id?: string | null;
            filetype?: string | null;
            filesize?: number | null;
            item_count?: number;
            /** Format: date-time */
            inserted_at?: string | null;
            /** Format: date-time */
            updated_at?: string | null;
            creator?: components["schemas"]["User"];
        };
        /** @description Generated client `CreateAssetRequest` (abridged). */
        CreateAssetRequest: {
            /** @enum {string} */
            type: "file" | "folder";
            name?: string;
            /** @description MIME type; required for a file. */
            filetype?: string;
            filesize?: number;
            description?: string;
        };
    };
    responses: {
        /** @description A request the API cannot read (more than one token transport, a body that is not JSON). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /**
         * @description No token, a malformed `Authorization` header, or a token that is unknown, expired, revoked or deleted — one body
         *     for all (Frame.io's own, from the C2C guide). A token in `?access_token=` counts as no token.
         */
        Unauthorized: {
            headers: {
                /** @description RFC 6750 §3 (unverified against Frame.io, so not `required` here; OAUTH2-BEARER-CHALLENGE checks it): `Bearer realm="api.frame.io"`, plus `error="invalid_token"` when a token was sent. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /**
         * @description "Returned for both user access and token scope": the token lacks the operation's scope, or its user may not
         *     reach that part of the Account. Body proposed (no source shows one).
         */
        Forbidden: {
            headers: {
                /** @description RFC 6750 §3.1, on a scope refusal only: `Bearer error="insufficient_scope", scope="asset.read"` (unverified against Frame.io). */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description Not found (or moved, or deleted). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description One or more parameters supplied were invalid (Frame.io 422). */
        InvalidArguments: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description No signed-in session (a bearer token does not count). */
        PortalUnauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description The `X-CSRF-Token` header is missing or differs from the `fio_csrf` cookie. */
        CsrfRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description The form's `csrf_token` field is missing or differs from the `fio_csrf` cookie — an error page, nothing done. */
        CsrfRefusedPage: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/html": string;
            };
        };
        /** @description An error page (unknown or expired challenge, unknown token id, bad parameters). */
        PageError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/html": string;
            };
        };
        /** @description No session — to `/login` with the page (or the pending challenge) to come back to. */
        RedirectToLogin: {
            headers: {
                Location: string;
                [name: string]: unknown;
            };
            content?: never;
        };
    };
    parameters: {
        AccountId: string;
        AssetId: string;
        TokenId: string;
    };
    requestBodies: never;
    headers: {
        /** @description RFC 6749 §5.1/§5.2 — "Cache-Control" "no-store" on any response containing tokens or credentials. */
        NoStore: string;
        /** @description RFC 6749 §5.1 — "Pragma" "no-cache". */
        PragmaNoCache: "no-cache";
        /**
         * @description RFC 6749 §5.2 `invalid_client`: "If the client attempted to authenticate via the "Authorization" request header
         *     field, the authorization server MUST respond with an HTTP 401 (Unauthorized) status code and include the
         *     "WWW-Authenticate" response header field matching the authentication scheme used by the client."
         * @example Basic realm="applications.frame.io"
         */
        BasicChallenge: string;
        /** @description The rate limit for this resource path, in requests. */
        RateLimitLimit: string;
        /** @description Requests remaining in the current window. */
        RateLimitRemaining: string;
        /** @description The window, in milliseconds. */
        RateLimitWindow: string;
        /** @description RFC 9700 §4.16 — "Authorization servers MUST prevent clickjacking attacks." */
        NoFraming: "DENY" | "SAMEORIGIN";
        /** @description CSP level 2 `frame-ancestors` (RFC 9700 §4.16 "SHOULD also use Content Security Policy"). */
        FrameAncestorsNone: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User success response. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-window": components["headers"]["RateLimitWindow"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getTeamsByAccount: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paginated Teams success response. */
            200: {
                headers: {
                    /** @description Pagination links. */
                    link?: string;
                    /** @description Current page of results. */
                    "page-number"?: string;
                    /** @description Number of entries per page. */
                    "per-page"?: string;
                    /** @description Total entries across all pages. */
                    total?: string;
                    /** @description Number of pages. */
                    "total-pages"?: string;
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-window": components["headers"]["RateLimitWindow"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset_id: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Asset success response. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-window": components["headers"]["RateLimitWindow"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getAssetChildren: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset_id: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The folder's Assets. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-window": components["headers"]["RateLimitWindow"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset_id: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAssetRequest"];
            };
        };
        responses: {
            /** @description The new Asset (upstream answers 200, not 201). */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-window": components["headers"]["RateLimitWindow"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidArguments"];
        };
    };
    tokensPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's developer tokens as a table of description, scopes and creation date, and a "New" link. No token string appears. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            303: components["responses"]["RedirectToLogin"];
            400: components["responses"]["PageError"];
        };
    };
    createTokenFromPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    description: string;
                    scopes?: components["schemas"]["Scope"][];
                    /** @description "Select all scopes": any value selects every scope. */
                    all_scopes?: string;
                    /** @description The page's anti-CSRF value (equals the `fio_csrf` cookie). */
                    csrf_token: string;
                };
            };
        };
        responses: {
            /** @description Token summary page; the `fio-u-…` string is in it exactly once. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No signed-in session — an error page, nothing done. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            403: components["responses"]["CsrfRefusedPage"];
            /** @description The form again, naming the missing description or scopes (an unknown scope is refused too). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    newTokenPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Description field, one checkbox per scope, "Select all scopes", Create button, hidden `csrf_token`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            303: components["responses"]["RedirectToLogin"];
            400: components["responses"]["PageError"];
        };
    };
    deleteTokenFromPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    csrf_token: string;
                };
            };
        };
        responses: {
            /** @description Back to `/developer/tokens`. The token stops working at once. */
            303: {
                headers: {
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No signed-in session — an error page, nothing done. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            403: components["responses"]["CsrfRefusedPage"];
            404: components["responses"]["PageError"];
        };
    };
    listDeveloperTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first. No token string, no hash, no prefix of it. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeveloperTokenView"][];
                };
            };
            401: components["responses"]["PortalUnauthorized"];
        };
    };
    createDeveloperToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewDeveloperToken"];
            };
        };
        responses: {
            /** @description Created. `token` is present here and nowhere else, ever. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedDeveloperToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["PortalUnauthorized"];
            403: components["responses"]["CsrfRefused"];
            422: components["responses"]["InvalidArguments"];
        };
    };
    deleteDeveloperToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["PortalUnauthorized"];
            403: components["responses"]["CsrfRefused"];
            404: components["responses"]["NotFound"];
        };
    };
    loginPage: {
        parameters: {
            query?: {
                /** @description The pending authorization request to resume after sign-in. */
                login_challenge?: string;
                /** @description A same-origin path to go back to (portal pages only); anything else is ignored. */
                return_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Email and password form with a hidden `csrf_token` (also set as the `fio_csrf` cookie) and the hidden `login_challenge`/`return_to`. Framing refused. */
            200: {
                headers: {
                    /** @description `fio_csrf=…; Path=/; SameSite=Lax` (readable by the page, not HttpOnly). */
                    "Set-Cookie"?: string;
                    "X-Frame-Options": components["headers"]["NoFraming"];
                    "Content-Security-Policy": components["headers"]["FrameAncestorsNone"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["PageError"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    email: string;
                    password: string;
                    csrf_token: string;
                    login_challenge?: string;
                    return_to?: string;
                };
            };
        };
        responses: {
            /** @description Signed in. To `/consent?consent_challenge=…` when a `login_challenge` was pending, else to `return_to` or `/developer/tokens`. 303 (never 307) so the password is not re-posted (RFC 9700 §4.12). */
            303: {
                headers: {
                    Location: string;
                    /** @description `fio_session=…; Path=/; HttpOnly; SameSite=Lax` (a new id at each sign-in). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["PageError"];
            /** @description The form again with "Invalid email or password." — the same text for an unknown email and a wrong password; the password is not echoed. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            403: components["responses"]["CsrfRefusedPage"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    csrf_token: string;
                };
            };
        };
        responses: {
            /** @description Session ended, cookie cleared, a signed-out page (no source documents Frame.io's sign-out; a page is as good as the redirect). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Session ended, cookie cleared, to `/login`. */
            303: {
                headers: {
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["CsrfRefusedPage"];
        };
    };
    authorize: {
        parameters: {
            query: {
                response_type: "code";
                client_id: string;
                redirect_uri?: string;
                /** @description Space-delimited, e.g. `offline account.read asset.read`. */
                scope?: string;
                /** @description Returned unchanged. Hydra refuses fewer than 8 characters. */
                state?: string;
                code_challenge?: string;
                code_challenge_method?: "S256";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The same redirects as the 303 (RFC 6749 §4.1.2's own status); Frame.io's docs name neither. */
            302: {
                headers: {
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description To `/login?login_challenge=…` (no session), to `/consent?consent_challenge=…` (session), or to the redirect URI
             *     with `error`, `error_description` and `state` (a check after the redirect URI failed).
             */
            303: {
                headers: {
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown or missing client, or a redirect URI that is missing, unregistered or malformed — shown on an error page; the browser is never sent to that URI. */
            400: {
                headers: {
                    "X-Frame-Options": components["headers"]["NoFraming"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    consentPage: {
        parameters: {
            query: {
                consent_challenge: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description "Application X would like to …" with each requested scope, Allow and Deny buttons, hidden `consent_challenge` and `csrf_token`. Framing refused. */
            200: {
                headers: {
                    "X-Frame-Options": components["headers"]["NoFraming"];
                    "Content-Security-Policy": components["headers"]["FrameAncestorsNone"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            303: components["responses"]["RedirectToLogin"];
            400: components["responses"]["PageError"];
            /** @description The request belongs to another sign-in — an error page. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    consent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    consent_challenge: string;
                    csrf_token: string;
                    /** @enum {string} */
                    decision: "allow" | "deny";
                };
            };
        };
        responses: {
            /**
             * @description Allow: `<redirect_uri>?code=…&scope=…&state=…` (the code lives 10 minutes, single use, bound to client,
             *     redirect URI, scope, user and PKCE challenge). Deny: `<redirect_uri>?error=access_denied&state=…`.
             *     The challenge is used up either way. 303, never 307 (RFC 9700 §4.12).
             */
            303: {
                headers: {
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["PageError"];
            /** @description No signed-in session — an error page, no code. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            403: components["responses"]["CsrfRefusedPage"];
        };
    };
    token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["AuthorizationCodeTokenRequest"] | components["schemas"]["RefreshTokenRequest"] | components["schemas"]["ClientCredentialsTokenRequest"];
            };
        };
        responses: {
            /** @description Tokens. `refresh_token` only when `offline` was granted; no `id_token`. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    Pragma: components["headers"]["PragmaNoCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrameioTokenResponse"];
                };
            };
            /** @description RFC 6749 §5.2 — invalid_request, invalid_grant, unauthorized_client, unsupported_grant_type, invalid_scope; invalid_client when the client did not use the Authorization header may be 400 or 401 (the mock answers 401). */
            400: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    Pragma: components["headers"]["PragmaNoCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"] & {
                        error?: components["schemas"]["TokenErrorCode"];
                    };
                };
            };
            /** @description invalid_client — unknown client, wrong secret, no credentials from a confidential client, or a method the client is not registered for. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["BasicChallenge"];
                    "Cache-Control": components["headers"]["NoStore"];
                    Pragma: components["headers"]["PragmaNoCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"] & {
                        /** @constant */
                        error?: "invalid_client";
                    };
                };
            };
        };
    };
    revoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["RevocationRequest"];
            };
        };
        responses: {
            /** @description Revoked, or nothing to revoke. Empty body. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_request (no token, not a form POST) or unsupported_token_type. */
            400: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description invalid_client. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["BasicChallenge"];
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
