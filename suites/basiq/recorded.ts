/**
 * The responses basiq-swagger's live Go tests recorded from the real service (basiqio/basiq-swagger@2814f92b
 * test/**∕responses/*.json; the shared reference keeps them in basiq-swagger-test-fixtures/), copied as data: the
 * suite compares the target's answers with them field by field, the correlationId (fresh each time) aside.
 */
export const RECORDED = {
  postToken: { access_token: 'eyJh...vH4g', expires_in: 3600, token_type: 'Bearer' },
  postTokenBadRequest: {
    correlationId: '1c16f75c-36fb-421f-98a5-bf18a0b6583c',
    data: [
      {
        code: 'parameter-not-valid',
        detail: 'Basiq-version must be specified in HTTP request header',
        title: 'Required parameter not valid',
        type: 'error',
        source: { parameter: 'basiq-version', pointer: 'header/basiq-version' },
      },
    ],
    type: 'list',
  },
  postTokenNotFound: {
    correlationId: '1c16f75c-36fb-421f-98a5-bf18a0b6583c',
    data: [{ code: 'parameter-not-valid', detail: 'Unable to authenticate. Please, check your API key', title: 'We have encountered an error', type: 'error' }],
    type: 'list',
  },
  getInstitutionsUnauthorized: {
    correlationId: '1c16f75c-36fb-421f-98a5-bf18a0b6583c',
    data: [{ code: 'invalid-authorization-token', title: 'Invalid authorization token.', type: 'error' }],
    type: 'list',
  },
  createUserBadRequest: {
    type: 'list',
    correlationId: 'ef351da5-12b1-4ba0-be8c-59d9b2e388e8',
    data: [{ type: 'error', code: 'parameter-not-supplied', title: 'Required parameter not supplied', detail: "One of 'email' or 'mobile' is required.", source: {} }],
  },
  getUserForbidden: {
    type: 'list',
    correlationId: 'bf4ac637-4e5c-4c87-aa1c-6158beb129a3',
    data: [{ type: 'error', code: 'access-denied', title: 'Access denied.', detail: 'Token has expired', source: null }],
  },
} as const
