export { mailRoutes } from './mail.routes.ts';
export { createMailService, type MailDelivery, type MailService } from './mail.service.ts';
export {
  createMailWorker,
  type MailTransport,
  type MailWorker,
  retryDelayMs,
  smtpTransport,
} from './mail.worker.ts';
