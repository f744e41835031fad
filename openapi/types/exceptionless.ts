/**
 * Generated from openapi/exceptionless.yaml by `npm run generate` (openapi-typescript). Do not edit.
 */

export interface paths {
    "/api/v2/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with email and password to get a user-scoped token */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's organizations (user scope) */
        get: operations["getOrganizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/organizations/{organizationId}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        /** The organization's API keys, a page at a time (user principals only) */
        get: operations["getOrganizationTokens"];
        put?: never;
        /** Create an organization key (no project; an empty body gives the client scope) */
        post: operations["createOrganizationToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's project configuration, the legacy route (client scope; its 401 carries no challenge) */
        get: operations["getLegacyClientConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read events (user scope or events:read; a client key gets 403 although the docs say otherwise) */
        get: operations["getEvents"];
        put?: never;
        /** Submit an event (client scope) to the key's project */
        post: operations["postEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/projects/{projectId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 537650f3b77efe23a47914f4 */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** Read one project's events (user scope or events:read; the project must be in the caller's organizations) */
        get: operations["getProjectEvents"];
        put?: never;
        /** Submit an event to a project (client scope; a project key only to its own project, a user to any of its organizations') */
        post: operations["postProjectEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/events/by-ref/{referenceId}/user-description": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a user's description to an event by its reference id (client scope) */
        post: operations["postUserDescription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/events/session/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Keep a session alive or close it (client scope) */
        get: operations["sessionHeartbeat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/projects/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's project configuration (client scope) */
        get: operations["getClientConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/projects/{projectId}/config": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 537650f3b77efe23a47914f4 */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** A project's configuration by id (client scope; any project of the caller's organizations) */
        get: operations["getProjectConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/projects/{projectId}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 537650f3b77efe23a47914f4 */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** The project's API keys, a page at a time */
        get: operations["getProjectTokens"];
        put?: never;
        /** Create an API key for the project */
        post: operations["createProjectToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an API key */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** One API key */
        get: operations["getToken"];
        /** The same update as PATCH (one handler) */
        put: operations["replaceToken"];
        post?: never;
        /** Delete API keys (comma-separated ids); they stop working at once */
        delete: operations["deleteTokens"];
        options?: never;
        head?: never;
        /** Disable or annotate an API key */
        patch: operations["updateToken"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Login: {
            /** @description The email address or domain username */
            email: string;
            password: string;
            invite_token?: string | null;
        };
        TokenResult: {
            token: string;
        };
        ProblemDetails: {
            type: string;
            title: string;
            status: number;
            detail?: string | null;
            instance: string;
        };
        ValidationProblemDetails: components["schemas"]["ProblemDetails"] & {
            errors: {
                [key: string]: string[];
            };
        };
        /** @description Fields without a value are left out (System.Text.Json WhenWritingNull); an organization key has no project_id. */
        ViewToken: {
            id: string;
            organization_id: string;
            project_id?: string;
            user_id?: string | null;
            default_project_id?: string | null;
            scopes: ("client" | "user" | "global" | "source-maps:write")[];
            /** Format: date-time */
            expires_utc?: string | null;
            notes?: string | null;
            is_disabled: boolean;
            is_suspended: boolean;
            /** Format: date-time */
            created_utc: string;
            /** Format: date-time */
            updated_utc: string;
        };
        NewProjectToken: {
            scopes?: string[];
            notes?: string | null;
            /** Format: date-time */
            expires_utc?: string | null;
        };
        NewToken: components["schemas"]["NewProjectToken"] & {
            organization_id: string;
            project_id: string;
        };
        UpdateToken: {
            is_disabled?: boolean;
            notes?: string | null;
        };
        WorkInProgressResult: {
            workers: string[];
        };
        ClientConfiguration: {
            version: number;
            settings: {
                [key: string]: string;
            };
        };
        ViewOrganization: {
            id: string;
            name: string;
            /** Format: date-time */
            created_utc: string;
            /** Format: date-time */
            updated_utc: string;
            plan_id: string;
            plan_name?: string;
            /** @enum {integer} */
            billing_status: 0 | 1 | 2 | 3 | 4;
            is_suspended: boolean;
            project_count: number;
            event_count?: number;
        };
        PersistentEvent: {
            id: string;
            organization_id: string;
            project_id: string;
            stack_id: string;
            type: string | null;
            message?: string | null;
            date: string;
            created_utc: string;
            is_first_occurrence: boolean;
            data?: unknown;
        };
    };
    responses: {
        /** @description The body could not be read. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description No credentials, or credentials that are not valid (unknown, disabled, deleted, expired, unparseable). Since
         *     8.6.1 with a Bearer challenge naming the resource metadata; 8.5 and earlier send none.
         */
        Unauthorized: {
            headers: {
                /** @example Bearer resource_metadata="http://127.0.0.1:4701/.well-known/oauth-protected-resource/api/v2" */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The principal lacks the role, or is an API key on a token endpoint ("Token authentication cannot create tokens."). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Not found, or not in the caller's organizations. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Validation errors, keyed by snake_case field. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ValidationProblemDetails"];
            };
        };
        /** @description Past the API throttle's limit; ASP.NET gives a 429 no ProblemDetails type. No Retry-After, no rate-limit headers. */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @constant */
                    title: "Too Many Requests";
                    /** @constant */
                    status: 429;
                    instance: string;
                };
            };
        };
        /** @description The new key, with its absolute URL. */
        TokenCreated: {
            headers: {
                Location: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ViewToken"];
            };
        };
    };
    parameters: {
        /** @example 537650f3b77efe23a47914f4 */
        ProjectId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The project's client configuration version; clients refresh their settings when it grows (the server sends it; no source documents it, so its absence is not a fault). */
        ConfigVersion: string;
        /** @description `private` on responses to requests authenticated by the query string (RFC 6750 §2.3). */
        PrivateWhenQueryAuthenticated: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Login"];
            };
        };
        responses: {
            /** @description The user's login token (reused while unexpired; 3 months). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description "Login failed." (unknown email, inactive user, wrong password) or "Login denied." (more than 5 attempts for the email in 15 minutes). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            422: components["responses"]["ValidationFailed"];
        };
    };
    getOrganizations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Organizations. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["PrivateWhenQueryAuthenticated"];
                    /** @description The API throttle's limit per caller and quarter hour (absent when the deployment runs none). */
                    "X-RateLimit-Limit"?: string;
                    /** @description Requests left in the quarter hour. */
                    "X-RateLimit-Remaining"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewOrganization"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOrganizationTokens: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of API keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewToken"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createOrganizationToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["NewProjectToken"];
            };
        };
        responses: {
            201: components["responses"]["TokenCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    getLegacyClientConfiguration: {
        parameters: {
            query?: {
                v?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientConfiguration"];
                };
            };
            /** @description `v` is the current version. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credentials (never a challenge outside /api/v2). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getEvents: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest events first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersistentEvent"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    postEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
                "text/plain": string;
            };
        };
        responses: {
            /** @description Accepted for processing. */
            202: {
                headers: {
                    "X-Exceptionless-ConfigVersion": components["headers"]["ConfigVersion"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getProjectEvents: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                /** @example 537650f3b77efe23a47914f4 */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest events first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersistentEvent"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    postProjectEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 537650f3b77efe23a47914f4 */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
                "text/plain": string;
            };
        };
        responses: {
            /** @description Accepted for processing. */
            202: {
                headers: {
                    "X-Exceptionless-ConfigVersion": components["headers"]["ConfigVersion"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    postUserDescription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                referenceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email_address?: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Accepted. */
            202: {
                headers: {
                    "X-Exceptionless-ConfigVersion": components["headers"]["ConfigVersion"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    sessionHeartbeat: {
        parameters: {
            query: {
                id: string;
                close?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getClientConfiguration: {
        parameters: {
            query?: {
                /** @description The configuration version the client has. */
                v?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientConfiguration"];
                };
            };
            /** @description `v` is the current version. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getProjectConfiguration: {
        parameters: {
            query?: {
                /** @description The configuration version the client has. */
                v?: number;
            };
            header?: never;
            path: {
                /** @example 537650f3b77efe23a47914f4 */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientConfiguration"];
                };
            };
            /** @description `v` is the current version. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getProjectTokens: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: number;
                /** @description Keys per page, 1 to 100. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @example 537650f3b77efe23a47914f4 */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of API keys, oldest first; `Link` names the previous and next pages. */
            200: {
                headers: {
                    /** @description `<…?page=2&limit=10>; rel="next"`, and `rel="previous"` after the first page. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewToken"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createProjectToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 537650f3b77efe23a47914f4 */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["NewProjectToken"];
            };
        };
        responses: {
            201: components["responses"]["TokenCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewToken"];
            };
        };
        responses: {
            201: components["responses"]["TokenCreated"];
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    getToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewToken"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    replaceToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateToken"];
            };
        };
        responses: {
            /** @description The updated key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewToken"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkInProgressResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateToken"];
            };
        };
        responses: {
            /** @description The updated key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewToken"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
}
