import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_CATALOGS } from '../i18n/all-catalogs.ts';
import { createI18n } from '../i18n/i18n.ts';
import { describeRoles, initialsOf } from './user-label.ts';

let en: TFunction<'common'>;
let th: TFunction<'common'>;
beforeAll(async () => {
  const i18n = await createI18n({ language: 'en', resources: ALL_CATALOGS });
  en = i18n.getFixedT('en', 'common');
  th = i18n.getFixedT('th', 'common');
});

describe('describeRoles', () => {
  it('names each role for people, in their language', () => {
    expect(describeRoles(en, ['manager'], 'en-GB')).toBe('Production manager');
    expect(describeRoles(en, ['designer', 'admin'], 'en-GB')).toBe('Graph designer, Administrator');
    expect(describeRoles(th, ['operator'], 'th-TH')).toBe('พนักงานฝ่ายผลิต');
  });

  it('says so when a user has no role', () => {
    expect(describeRoles(en, [], 'en-GB')).toBe('No role');
  });
});

describe('initialsOf', () => {
  it('takes the first letters of the first and last names, accents kept', () => {
    expect(initialsOf('Ploy Suwannarat')).toBe('PS');
    expect(initialsOf('Élodie Marchand')).toBe('ÉM');
    expect(initialsOf('  anna  maria   van der berg ')).toBe('AB');
  });

  it('copes with a single name and an empty one', () => {
    expect(initialsOf('Somchai')).toBe('S');
    expect(initialsOf('   ')).toBe('?');
  });
});
