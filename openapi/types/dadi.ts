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
         * @description Credentials travel in a JSON body (as the docs show; not HTTP Basic). DADI's body parsers also read JSON
         *     sent as `text/plain` and an `application/x-www-form-urlencoded` form.
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
        /** List the collections (1.x–3.x every one; 4.x–6.x those the client may read) */
        get: operations["listCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collections/{property}/{collection}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example library */
                property: string;
                /** @example books */
                collection: string;
            };
            cookie?: never;
        };
        /** One collection's schema (4.x–6.x), if the client may read the collection */
        get: operations["getCollectionSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{property}/{collection}/count": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example library */
                property: string;
                /** @example books */
                collection: string;
            };
            cookie?: never;
        };
        /** How many documents a collection holds (4.x–6.x), if the client may read it */
        get: operations["countCollection6"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{property}/{collection}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example library */
                property: string;
                /** @example books */
                collection: string;
            };
            cookie?: never;
        };
        /** The store's statistics of a collection (4.x–6.x), if the client may read it */
        get: operations["collectionStats6"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{version}/{database}/{collection}/count": {
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
        /** How many documents a collection holds (1.x–3.x), if the client's permissions allow the collection */
        get: operations["countCollection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{version}/{database}/{collection}/stats": {
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
        /** The store's statistics of a collection (1.x–3.x), if the client's permissions allow the collection */
        get: operations["collectionStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hello": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The welcome route, answered without authentication (1.x–3.x only at exactly /hello) */
        get: operations["hello"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{property}/{collection}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example library */
                property: string;
                /** @example books */
                collection: string;
            };
            cookie?: never;
        };
        /** Read a collection (4.x–6.x), if the client's access allows it */
        get: operations["getCollection6"];
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
         * Read a collection (1.x–3.x), or one document (4.x–6.x, /{property}/{collection}/{id})
         * @description A client record without `permissions` may read every collection; with `permissions.collections` only
         *     those listed (and, in 1.x–3.x, only at the listed `apiVersion`). 1.x–3.x route case-insensitively.
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
         * Read one document (1.x–3.x), if the client's permissions allow its collection
         * @description The collection's permission is checked before the document is looked up, so a client without it cannot
         *     learn which ids exist (refused whether or not the document does).
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
        /** @description 1.x–3.x. */
        TokenResponse: {
            /** @description A random, unguessable token (a UUID v4). */
            accessToken: string;
            /** @constant */
            tokenType: "Bearer";
            /** @description Seconds until the token expires (`auth.tokenTtl`, 1800 by default). */
            expiresIn: number;
        };
        /** @description 4.x–6.x. */
        TokenResponseWithPermissions: {
            /** @description An HS256 JWT {clientId, accessType, iat, exp}. */
            accessToken: string;
            /** @constant */
            tokenType: "Bearer";
            expiresIn: number;
            permissions: {
                resources: {
                    [key: string]: Record<string, never>;
                };
                roles: string[];
            };
        };
        ParseError: {
            expose?: boolean;
            /** @constant */
            statusCode: 400;
            /** @constant */
            status?: 400;
            /** @constant */
            type: "entity.parse.failed";
        };
        StatusCodeError: {
            statusCode: number;
        };
        /** @description 4.x–6.x errors (error-codes.json). */
        AclError: {
            /** @enum {string} */
            code: "API-0005" | "API-0006";
            title: string;
            details: string;
            /** Format: uri */
            docLink?: string;
        };
        /** @description 4.x–6.x. */
        CollectionList6: {
            collections: {
                fields?: Record<string, never>;
                property: string;
                name: string;
                slug?: string;
                path: string;
                settings?: Record<string, never>;
            }[];
            media?: Record<string, never>;
        };
        /** @description 1.x–3.x. */
        CollectionList: {
            collections: {
                name: string;
                slug?: string;
                version: string;
                database: string;
                path: string;
            }[];
            media?: Record<string, never>;
        };
        CollectionResults: {
            results: Record<string, never>[];
            metadata: components["schemas"]["Metadata"];
        };
        Metadata: {
            limit?: number;
            page?: number;
            offset?: number;
            totalCount: number;
            totalPages?: number;
        };
        /** @description 4.x–6.x, one collection with its schema. */
        CollectionEntry: {
            property?: string;
            name: string;
            slug?: string;
            path: string;
            fields: Record<string, never>;
            settings: Record<string, never>;
        };
    };
    responses: {
        /**
         * @description 1.x–3.x: no `Authorization` header (no challenge), a header that is not `Bearer <token>` (`no_token`), an
         *     unknown or expired token (`invalid_token`), or a client without the permission (`realm` = the path), each
         *     with `{"statusCode":401}`. 4.x–6.x: API-0005 without a challenge.
         */
        Unauthorized: {
            headers: {
                /** @description Absent when no Authorization header was sent (1.x–3.x) and always in 4.x–6.x. */
                "WWW-Authenticate"?: string | ("Bearer, error=\"no_token\", error_description=\"No access token supplied\"" | "Bearer, error=\"invalid_token\", error_description=\"Invalid or expired access token\"") | unknown;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["StatusCodeError"] | components["schemas"]["AclError"];
            };
        };
        /** @description 4.x–6.x, the token is valid but its client lacks permission for this collection. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AclError"];
            };
        };
        /** @description No such route or collection (an empty body, no content type); 4.x–6.x answer a document id that names no document, once the client may read the collection, with `{"statusCode":404}`. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The collection's metadata. */
        Count: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    metadata: components["schemas"]["Metadata"];
                };
            };
        };
        /** @description What the store reports of the collection (the file store answers 1 for each size). */
        Stats: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    count: number;
                    size?: number;
                    averageObjectSize?: number;
                    storageSize?: number;
                    indexes?: number;
                    totalIndexSize?: number;
                    indexSizes?: unknown;
                };
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
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
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
                    "application/json": components["schemas"]["TokenResponse"] | components["schemas"]["TokenResponseWithPermissions"];
                };
            };
            /** @description A body the JSON parser cannot read (body-parser's error; the raw body is not part of it). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParseError"];
                };
            };
            /**
             * @description Missing, non-string, unknown or wrong credentials (4.x+ also sends the no-store headers). 1.x–3.x
             *     authenticate `/token?…` (a query string) like a protected path: 401 without a challenge.
             */
            401: {
                headers: {
                    /** @description `invalid_credentials` (5.x–6.x `client_needs_upgrade` for a secret stored before hashing); absent for 1.x–3.x `/token?…` without an Authorization header. */
                    "WWW-Authenticate"?: "Bearer, error=\"invalid_credentials\", error_description=\"Invalid credentials supplied\"" | "Bearer, error=\"client_needs_upgrade\", error_description=\"The client record on the server must be upgraded\"";
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
                    "application/json": components["schemas"]["CollectionList"] | components["schemas"]["CollectionList6"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description A method other than GET (1.x–3.x). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        error: "Invalid method";
                    };
                };
            };
        };
    };
    getCollectionSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example library */
                property: string;
                /** @example books */
                collection: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collection, its fields and settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionEntry"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description No such collection, or one the client may not read (its existence is hidden). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: false;
                    };
                };
            };
        };
    };
    countCollection6: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example library */
                property: string;
                /** @example books */
                collection: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Count"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    collectionStats6: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example library */
                property: string;
                /** @example books */
                collection: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Stats"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    countCollection: {
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
            200: components["responses"]["Count"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    collectionStats: {
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
            200: components["responses"]["Stats"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    hello: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description "Welcome to API", sent without a content type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getCollection6: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example library */
                property: string;
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
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
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
            /** @description Documents of the collection (the document, as the only entry of `results`, in 4.x–6.x). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionResults"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
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
            404: components["responses"]["NotFound"];
        };
    };
}
