/**
 * Generated from openapi/basiq.yaml by `npm run generate` (openapi-typescript). Do not edit.
 */

export interface paths {
    "/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate an auth token
         * @description `SERVER_ACCESS` (default when `scope` is absent or the body is empty) can call every endpoint;
         *     `CLIENT_ACCESS` must be bound to an existing `userId` and reaches only that user's client-side operations.
         *     Too many token requests from one IP within 5 minutes are refused with 403 "Invalid request"
         *     (published limit: 1,500 requests per 5 minutes, which Basiq raises for high-traffic applications on request).
         *
         *     Checks, in order (the first that fails answers): the rate limit (every request counts) → `Authorization`
         *     present → `Basic <key>` with the key base64 of `<id>:<secret>` → `basiq-version` present → supported
         *     (2.0, 2.1, 3.0) → the key known, not deleted, not disabled → the body readable → `scope` valid →
         *     `CLIENT_ACCESS` bound to a `userId` (3.0) → that user exists in the key's application.
         */
        post: operations["postToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a user (SERVER_ACCESS only) */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's identifier (returned by POST /users).
                 * @example 6dd30ce4-d4ba-11ec-9d64-0242ac120002
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a user (SERVER_ACCESS, or CLIENT_ACCESS bound to this user)
         * @description Legacy 2.x swagger grants this to SERVER_ACCESS and CLIENT_ACCESS; the error page lists 401 "You are not
         *     authorized to access this resource" ("Ensure … the token … is valid for use with the userId in the URL")
         *     and no scope 403, so a CLIENT_ACCESS token reads its own user and gets 401 for any other.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Delete a user (SERVER_ACCESS only)
         * @description core.json deleteUser; the error page's DELETE /users/{userId} rows. After it every route answers the user
         *     404 "Requested user does not exist." (ERR: "It may have been deleted"), with a server token or a client token
         *     bound to it.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's identifier (returned by POST /users).
                 * @example 6dd30ce4-d4ba-11ec-9d64-0242ac120002
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** List a user's accounts (SERVER_ACCESS only) */
        get: operations["getAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's identifier (returned by POST /users).
                 * @example 6dd30ce4-d4ba-11ec-9d64-0242ac120002
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** List a user's jobs (SERVER_ACCESS only) */
        get: operations["getUserJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The job identifier returned when the job was created.
                 * @example b1ef29c9-3f8c-45c9-a823-d819605989c6
                 */
                jobId: string;
            };
            cookie?: never;
        };
        /**
         * Retrieve a job (SERVER_ACCESS, or CLIENT_ACCESS for a job of its own user)
         * @description "Check job status" is the one REST call the v3 authentication page grants CLIENT_ACCESS besides the
         *     Consent UI (stored api.basiq.io/reference/authentication); the legacy swagger allows both scopes and Basiq's
         *     v3 starter kit polls it from the browser with a client token. A client token asking for another user's job
         *     gets 403 forbidden-access (mock decision: the only authorisation error the error page lists for this route).
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List institutions (legacy 2.x; SERVER_ACCESS or CLIENT_ACCESS)
         * @description In the 2.x swagger (`security: application [SERVER_ACCESS, CLIENT_ACCESS]`) and called first by
         *     basiq-sdk-nodejs; not in v3 core.json/data.json, whose docs point to `GET /connectors` instead. Not bound to a user.
         */
        get: operations["getInstitutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/auth_link": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's identifier (returned by POST /users).
                 * @example 6dd30ce4-d4ba-11ec-9d64-0242ac120002
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an auth_link (SERVER_ACCESS only) */
        post: operations["postAuthLink"];
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
        /** @description All fields optional; absent scope means SERVER_ACCESS. Unknown fields (e.g. an OAuth client's grant_type=client_credentials) are ignored. */
        TokenRequest: {
            /** @enum {string} */
            scope?: "SERVER_ACCESS" | "CLIENT_ACCESS";
            /** @description Required with CLIENT_ACCESS; the user the token is bound to. */
            userId?: string;
            /** @description Trusted Advisor name (CLIENT_ACCESS only). */
            orgName?: string;
            /** @description Trusted Advisor reference id. */
            orgRefID?: string;
            /** @description ABN, AFSL or ACN (ta.md); any string (trusted-advisor.md). */
            orgRefType?: string;
            /** @enum {string} */
            orgType?: "Accountant" | "Financial Broker" | "Financial Advisor" | "Legal Professional" | "Tax Agent" | "Financial Counselling Agency";
            /** @description Optional ABN/ACN (trusted-advisor.md). */
            abnAcn?: string;
        };
        TokenResponse: {
            /** @description A JWT (three base64url segments). */
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            /** @description Seconds; 3600 at Basiq. */
            expires_in: number;
        };
        /** @description Basiq's error envelope: `type` "list", a correlationId, and one or more error objects. */
        ErrorList: {
            /** @constant */
            type: "list";
            correlationId: string;
            data: components["schemas"]["ErrorItem"][];
        };
        ErrorItem: {
            /** @constant */
            type: "error";
            code: string;
            title: string;
            detail?: string;
            source?: components["schemas"]["ErrorSource"];
        };
        /** @description Where the error comes from; `null` in recorded 403s, `{}` in a recorded 400. */
        ErrorSource: {
            parameter?: string;
            pointer?: string;
        } | null;
        /** @description The envelope as answered with status 400. */
        BadRequestError: components["schemas"]["ErrorList"] & {
            data?: unknown;
        };
        /** @description The envelope as answered with status 401. */
        UnauthorizedError: components["schemas"]["ErrorList"] & {
            data?: unknown;
        };
        /** @description The envelope as answered with status 403. */
        ForbiddenError: components["schemas"]["ErrorList"] & {
            data?: unknown;
        };
        /** @description The envelope as answered with status 404 (resources). */
        NotFoundError: components["schemas"]["ErrorList"] & {
            data?: unknown;
        };
        /** @description The envelope as answered with status 404 on POST /token. */
        TokenNotFoundError: components["schemas"]["ErrorList"] & {
            data?: unknown;
        };
        /** @description The envelope as answered with status 429. */
        TooManyRequestsError: components["schemas"]["ErrorList"] & {
            data?: unknown;
        };
        /** @description The envelope as answered with status 500. */
        InternalServerError: components["schemas"]["ErrorList"] & {
            data?: unknown;
        };
        /** @description The envelope as answered with status 503. */
        ServiceUnavailableError: components["schemas"]["ErrorList"] & {
            data?: unknown;
        };
        /** @description One of email or mobile is required. */
        CreateUser: {
            email?: string;
            /** @description International format, +61… */
            mobile?: string;
            firstName?: string;
            middleName?: string;
            lastName?: string;
            businessName?: string;
            businessIdNo?: string;
            /** @enum {string} */
            businessIdNoType?: "ABN" | "ACN";
        };
        ResourceLink: {
            self: string;
        };
        UserCreated: {
            /** @constant */
            type: "user";
            id: string;
            email?: string;
            mobile?: string;
            firstName?: string;
            middleName?: string;
            lastName?: string;
            links: components["schemas"]["ResourceLink"];
        };
        User: {
            /** @constant */
            type: "user";
            id: string;
            /** @description Email or empty. */
            email: string;
            /** @description Mobile or empty. */
            mobile: string;
            name?: string;
            firstName?: string;
            middleName?: string;
            lastName?: string;
            accounts?: components["schemas"]["RefList"];
            connections?: components["schemas"]["RefList"];
            links: {
                self: string;
                accounts?: string;
                connections?: string;
                transactions?: string;
                auth_link?: string | null;
            };
        };
        RefList: {
            /** @constant */
            type: "list";
            count: number;
            data: {
                type: string;
                id: string;
                links?: components["schemas"]["ResourceLink"];
            }[];
        };
        AccountList: {
            /** @constant */
            type: "list";
            data: components["schemas"]["Account"][];
            links: components["schemas"]["ResourceLink"];
        };
        Account: {
            /** @constant */
            type: "account";
            id: string;
            accountNo?: string;
            name?: string;
            currency?: string;
            class?: {
                type?: string;
                product?: string;
            };
            balance?: string | null;
            availableFunds?: string | null;
            creditLimit?: string | null;
            accountHolder?: string | null;
            isOwned?: boolean;
            accountOwnership?: string;
            lastUpdated?: string;
            transactionIntervals?: {
                from?: string;
                to?: string;
            }[];
            institution?: string;
            connection?: string;
            /** @enum {string} */
            status?: "available" | "unavailable";
            links?: {
                self?: string;
                transactions?: string;
                connection?: string | null;
                institution?: string;
            };
        };
        JobList: {
            /** @constant */
            type: "list";
            size?: number;
            data: components["schemas"]["Job"][];
            links: components["schemas"]["ResourceLink"];
        };
        Job: {
            /** @constant */
            type: "job";
            id: string;
            created?: string;
            updated?: string;
            jobType?: string;
            institution?: {
                type?: string;
                id?: string;
                links?: components["schemas"]["ResourceLink"];
            };
            steps: {
                title: string;
                /** @enum {string} */
                status: "pending" | "in-progress" | "success" | "failed";
                result?: {
                    type?: string;
                    url?: string;
                    code?: string;
                    title?: string;
                    detail?: string;
                } | null;
            }[];
            links: {
                self: string;
                source?: string;
            };
        };
        InstitutionList: {
            /** @constant */
            type: "list";
            totalCount?: number;
            data: {
                /** @constant */
                type: "institution";
                id: string;
                name: string;
                shortName?: string;
                institutionType?: string;
                country?: string;
                serviceName?: string;
                serviceType?: string;
                tier?: string;
                authorization?: string;
                stage?: string;
                status?: string;
                links?: components["schemas"]["ResourceLink"];
            }[];
            links: components["schemas"]["ResourceLink"];
        };
        AuthLink: {
            /** @constant */
            type: "auth_link";
            id?: string;
            userId: string;
            mobile?: string;
            expiresAt: string;
            links: {
                self: string;
                public: string;
            };
        };
    };
    responses: {
        /**
         * @description No Authorization header, a scheme other than Bearer, or a token that is not valid (unknown, tampered, wrong
         *     algorithm). Recorded on GET /institutions without a token; "Invalid authorization token." on every route of the
         *     error page. No WWW-Authenticate header is documented.
         */
        InvalidToken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnauthorizedError"];
            };
        };
        /**
         * @description As InvalidToken, or a CLIENT_ACCESS token bound to another user ("You are not authorized to access this
         *     resource", http-errors-per-endpoint.md L1497; code and title from core.json's UnauthorizedError examples).
         */
        InvalidTokenOrOtherUser: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnauthorizedError"];
            };
        };
        /** @description The token has expired — 403 access-denied, not 401 (recorded on GET /users/{userId}). */
        Expired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ForbiddenError"];
            };
        };
        /**
         * @description The token has expired (access-denied), or it is a CLIENT_ACCESS token on a SERVER_ACCESS-only operation
         *     ("Access to this resource is forbidden": "Incorrect/missing scope set for the token you are using, You likely
         *     need to supply scope=SERVER_ACCESS").
         */
        ExpiredOrServerOnly: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ForbiddenError"];
            };
        };
        /** @description "User ID value is not valid" (http-errors-per-endpoint.md, every user route); or an Accept header that rules JSON out ("Accept type is not supported", L939). */
        UserIdNotValid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BadRequestError"];
            };
        };
        /** @description The user does not exist (or belongs to another application). */
        UserNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["NotFoundError"];
            };
        };
        /** @description Internal server error. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InternalServerError"];
            };
        };
        /** @description "Service is currently unavailable. Please try again later." */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ServiceUnavailableError"];
            };
        };
    };
    parameters: {
        /**
         * @description API version the token is issued for: `3.0` (stable), `2.1`, `2.0` (legacy). Missing → 400 "Basiq-version must be
         *     specified in HTTP request header"; an unsupported one → 400 "Version 0.9 is no longer supported. Please upgrade
         *     to the latest version". Not needed on later requests (the version travels with the token).
         * @example 3.0
         */
        BasiqVersion: string;
        /**
         * @description The user's identifier (returned by POST /users).
         * @example 6dd30ce4-d4ba-11ec-9d64-0242ac120002
         */
        UserId: string;
        /** @description Basiq filter expression, e.g. `institution.country.in('Australia')`. */
        Filter: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postToken: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description API version the token is issued for: `3.0` (stable), `2.1`, `2.0` (legacy). Missing → 400 "Basiq-version must be
                 *     specified in HTTP request header"; an unsupported one → 400 "Version 0.9 is no longer supported. Please upgrade
                 *     to the latest version". Not needed on later requests (the version travels with the token).
                 * @example 3.0
                 */
                "basiq-version": components["parameters"]["BasiqVersion"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Form body (documented), JSON body (Trusted-Advisor docs), or no body at all (basiq-sdk-nodejs). */
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The token. `expires_in` is 3600; `token_type` is always `Bearer`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /**
             * @description Authorization header missing or not `Basic <key>` (a key base64-encoded a second time included),
             *     `basiq-version` missing or unsupported, a body that cannot be read, an unknown `scope`, or
             *     `CLIENT_ACCESS` without `userId` (with `basiq-version` 3.0).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /**
             * @description The account is disabled, or too many token requests came from this IP within 5 minutes
             *     (http-errors-per-endpoint.md L53, L447; not in core.json). Code `access-denied` follows the legacy
             *     v2.1 authentication page ("access-denied — Status 403 Forbidden").
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /**
             * @description The API key is unknown or deleted (or its application is deleted, or it belongs to another
             *     environment) — 404, not 401, with code `parameter-not-valid` (recorded). A CLIENT_ACCESS request
             *     naming a user that does not exist is also refused here (mock decision; undocumented).
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenNotFoundError"];
                };
            };
            /** @description "Too many requests. Query limit reached." (listed for POST /token on the current api.basiq.io/docs/codes page; the repo snapshot does not list it). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            500: components["responses"]["InternalServerError"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUser"];
            };
        };
        responses: {
            /** @description The created user. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCreated"];
                };
            };
            /** @description The body is not a valid user (http-errors-per-endpoint.md POST /users). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            401: components["responses"]["InvalidToken"];
            403: components["responses"]["ExpiredOrServerOnly"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's identifier (returned by POST /users).
                 * @example 6dd30ce4-d4ba-11ec-9d64-0242ac120002
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["UserIdNotValid"];
            401: components["responses"]["InvalidTokenOrOtherUser"];
            403: components["responses"]["Expired"];
            404: components["responses"]["UserNotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's identifier (returned by POST /users).
                 * @example 6dd30ce4-d4ba-11ec-9d64-0242ac120002
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["UserIdNotValid"];
            401: components["responses"]["InvalidTokenOrOtherUser"];
            403: components["responses"]["ExpiredOrServerOnly"];
            404: components["responses"]["UserNotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getAccounts: {
        parameters: {
            query?: {
                /** @description Basiq filter expression, e.g. `institution.country.in('Australia')`. */
                filter?: components["parameters"]["Filter"];
            };
            header?: never;
            path: {
                /**
                 * @description The user's identifier (returned by POST /users).
                 * @example 6dd30ce4-d4ba-11ec-9d64-0242ac120002
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's accounts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountList"];
                };
            };
            400: components["responses"]["UserIdNotValid"];
            401: components["responses"]["InvalidToken"];
            403: components["responses"]["ExpiredOrServerOnly"];
            404: components["responses"]["UserNotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getUserJobs: {
        parameters: {
            query?: {
                /** @description Basiq filter expression, e.g. `institution.country.in('Australia')`. */
                filter?: components["parameters"]["Filter"];
            };
            header?: never;
            path: {
                /**
                 * @description The user's identifier (returned by POST /users).
                 * @example 6dd30ce4-d4ba-11ec-9d64-0242ac120002
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's jobs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobList"];
                };
            };
            400: components["responses"]["UserIdNotValid"];
            401: components["responses"]["InvalidToken"];
            403: components["responses"]["ExpiredOrServerOnly"];
            /** @description The user does not exist, or the token's API version has no such route (http-errors-per-endpoint.md L5593, L5653). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            500: components["responses"]["InternalServerError"];
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The job identifier returned when the job was created.
                 * @example b1ef29c9-3f8c-45c9-a823-d819605989c6
                 */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description "Job ID value is not valid" / "Job ID not supplied" (L4883, L5051). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            401: components["responses"]["InvalidToken"];
            /**
             * @description Token expired, or a CLIENT_ACCESS token asking for a job that is not its user's
             *     ("Access to this resource is forbidden", L5219).
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description "Requested resource is not found" (no such job, L4939) or "Requested user does not exist." (L5107). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            500: components["responses"]["InternalServerError"];
        };
    };
    getInstitutions: {
        parameters: {
            query?: {
                /** @description Basiq filter expression, e.g. `institution.country.in('Australia')`. */
                filter?: components["parameters"]["Filter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The institutions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionList"];
                };
            };
            /** @description The filter is not valid (wording of data.json's "Invalid Filters" example for GET /users/{userId}/accounts). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            401: components["responses"]["InvalidToken"];
            403: components["responses"]["Expired"];
            500: components["responses"]["InternalServerError"];
        };
    };
    postAuthLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's identifier (returned by POST /users).
                 * @example 6dd30ce4-d4ba-11ec-9d64-0242ac120002
                 */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Used for the 2FA SMS; defaults to the user's mobile. */
                    mobile?: string;
                };
            };
        };
        responses: {
            /** @description The auth_link; it replaces any earlier one and expires after 7 days. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthLink"];
                };
            };
            /**
             * @description "User ID value is not valid", an Accept that rules JSON out, a body that cannot be read, or no mobile for
             *     the 2FA SMS (core.json: without one "you will get an error"; the wording is the mock's).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            401: components["responses"]["InvalidToken"];
            403: components["responses"]["ExpiredOrServerOnly"];
            404: components["responses"]["UserNotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
