export { contactsRoutes } from './contacts.routes.ts';
export { type ContactsService, createContactsService } from './contacts.service.ts';
export { createNotifications, type NotificationEvent, type Notifications } from './notifications.ts';
export { unsubscribeRoutes } from './unsubscribe.routes.ts';
