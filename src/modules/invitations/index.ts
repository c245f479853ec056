export { invitationsRoutes } from './invitations.routes.ts';
export { createInvitationsService, type InvitationsService } from './invitations.service.ts';
