export { loopHeader, outgoingLoopHeaders } from './inbound-mail.filter.ts';
export type { InboundAttachment, InboundMessage } from './inbound-mail.message.ts';
export {
  createInboundMail,
  type InboundMail,
  type InboundMailHandler,
  type InboundMailLog,
} from './inbound-mail.server.ts';
