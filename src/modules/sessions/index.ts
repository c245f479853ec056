export { createSessionsService, type SessionsService, sessionPolicy } from './sessions.service.ts';
