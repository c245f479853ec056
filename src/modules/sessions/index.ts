export { sessionCookieSetter } from './session-cookie.ts';
export {
  createSessionsService,
  type SessionPrincipal,
  type SessionsService,
  type SignedInUserSession,
  sessionPolicy,
} from './sessions.service.ts';
