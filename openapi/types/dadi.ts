/**
 * Generated from openapi/dadi.yaml by `npm run generate` (openapi-typescript). Do not edit.
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
         * Issue an access token for client credentials
         * @description Credentials travel in a JSON body (not RFC 6749 form encoding, not HTTP Basic).
         */
        post: operations["postToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List every collection the API serves */
        get: operations["listCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{version}/{database}/{collection}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 1.0 */
                version: string;
                /** @example library */
                database: string;
                /** @example books */
                collection: string;
            };
            cookie?: never;
        };
        /**
         * Read a collection, if the client's permissions allow it
         * @description A client record without `permissions` may read every collection; with `permissions.collections` only
         *     those listed (and only at the listed `apiVersion`).
         */
        get: operations["getCollection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{version}/{database}/{collection}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 1.0 */
                version: string;
                /** @example library */
                database: string;
                /** @example books */
                collection: string;
                /** @example 5e4a2d3f1c9d440000a1b001 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Read one document, if the client's permissions allow its collection
         * @description The collection's permission is checked before the document is looked up, so a client without it cannot
         *     learn which ids exist (403 whether or not the document does).
         */
        get: operations["getDocument"];
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
        TokenRequest: {
            clientId: string;
            secret: string;
        };
        TokenResponse: {
            /** @description A random, unguessable token (a UUID v4 in DADI v3). */
            accessToken: string;
            /** @constant */
            tokenType: "Bearer";
            /** @description Seconds until the token expires (`auth.tokenTtl`, 1800 by default). */
            expiresIn: number;
        };
        StatusCodeError: {
            statusCode: number;
        };
        AccessDenied: {
            /** @constant */
            code: "API-0006";
            title: string;
            details: string;
        };
        CollectionList: {
            collections: {
                name: string;
                slug?: string;
                version: string;
                database: string;
                path: string;
            }[];
        };
        CollectionResults: {
            results: Record<string, never>[];
            metadata: {
                limit?: number;
                page?: number;
                offset?: number;
                totalCount: number;
                totalPages?: number;
            };
        };
    };
    responses: {
        /**
         * @description No `Authorization` header (no challenge), a header that is not `Bearer <token>` (`no_token`), or an unknown
         *     or expired token (`invalid_token`).
         */
        Unauthorized: {
            headers: {
                /** @description Absent when no Authorization header was sent. */
                "WWW-Authenticate"?: "Bearer, error=\"no_token\", error_description=\"No access token supplied\"" | "Bearer, error=\"invalid_token\", error_description=\"Invalid or expired access token\"";
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["StatusCodeError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description RFC 6749 §5.1. */
        CacheControlNoStore: string;
        /** @description RFC 6749 §5.1. */
        PragmaNoCache: "no-cache";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description A bearer token for the client. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    Pragma: components["headers"]["PragmaNoCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Missing, unreadable, non-string, unknown or wrong credentials. */
            401: {
                headers: {
                    /** @description Always `invalid_credentials`. */
                    "WWW-Authenticate": "Bearer, error=\"invalid_credentials\", error_description=\"Invalid credentials supplied\"";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusCodeError"];
                };
            };
        };
    };
    listCollections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Collections, each with the path to read it at. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 1.0 */
                version: string;
                /** @example library */
                database: string;
                /** @example books */
                collection: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Documents of the collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionResults"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The token is valid but its client lacks permission for this collection. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessDenied"];
                };
            };
            /** @description No such collection. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusCodeError"];
                };
            };
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 1.0 */
                version: string;
                /** @example library */
                database: string;
                /** @example books */
                collection: string;
                /** @example 5e4a2d3f1c9d440000a1b001 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document, as the only entry of `results`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionResults"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The token is valid but its client lacks permission for this collection. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessDenied"];
                };
            };
            /** @description No such collection or document. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusCodeError"];
                };
            };
        };
    };
}
