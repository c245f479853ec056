export { credentialRequestsRoutes } from './credential-requests.routes.ts';
export {
  type CredentialRequestsService,
  createCredentialRequestsService,
  credentialRequestIn,
  type ReceiveEmailResult,
} from './credential-requests.service.ts';
