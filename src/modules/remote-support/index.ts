export { createRemoteSupportHub, type RemoteSupportHub } from './remote-support.hub.ts';
export { remoteSupportRoutes } from './remote-support.routes.ts';
export { createRemoteSupportService, type RemoteSupportService } from './remote-support.service.ts';
export { createRemoteSupportRetention } from './remote-support-retention.ts';
