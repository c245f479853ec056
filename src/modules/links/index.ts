export { linkErrors } from './links.errors.ts';
export { createLinksService, type LinksService } from './links.service.ts';
