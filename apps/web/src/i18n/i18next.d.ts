import type admin from './locales/en/admin.json';
import type common from './locales/en/common.json';
import type designer from './locales/en/designer.json';
import type orders from './locales/en/orders.json';
import type signIn from './locales/en/signIn.json';
import type station from './locales/en/station.json';

/** Typed keys: `t('card.start')` must exist in the English catalog of the namespace in use. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      signIn: typeof signIn;
      orders: typeof orders;
      station: typeof station;
      admin: typeof admin;
      designer: typeof designer;
    };
  }
}
