export {
  createSessionsService,
  type SessionPrincipal,
  type SessionsService,
  type SignedInUserSession,
  sessionPolicy,
} from './sessions.service.ts';
