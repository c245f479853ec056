export { createSupportMailIn, type InboundOutcome, type SupportMailIn } from './support.mail-in.ts';
export { supportRoutes } from './support.routes.ts';
export { type CustomerAuthor, createSupportService, type SupportService } from './support.service.ts';
export { referenceOf, subjectToken } from './support.views.ts';
