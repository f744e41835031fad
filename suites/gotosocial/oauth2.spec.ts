import { declareOAuth2Suite } from '../shared/oauth2/index.ts'
import { gotosocialOAuth2 } from './oauth2.ts'

// Every shared OAuth 2.0 rule (suites/shared/oauth2-requirements.md) as GoToSocial meets or departs from it: GTS-OAUTH2-<rule>.
declareOAuth2Suite(gotosocialOAuth2)
