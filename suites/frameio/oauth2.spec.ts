import { declareOAuth2Suite } from '../shared/oauth2/index.ts'
import { frameioOAuth2 } from './oauth2.ts'

// Every shared OAuth 2.0 rule (suites/shared/oauth2-requirements.md) as Frame.io meets it: FIO-OAUTH2-<rule>.
declareOAuth2Suite(frameioOAuth2)
