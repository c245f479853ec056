import 'i18next';
import type { ServerCatalog, WebCatalog } from './i18n.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'web';
    resources: { web: WebCatalog; server: ServerCatalog };
  }
}
