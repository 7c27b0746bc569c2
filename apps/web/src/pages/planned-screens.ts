import type { TFunction } from 'i18next';

/** The screens of SPEC §3 that later work builds; each page says what it will do. */
export type PlannedScreenId = 'plan' | 'run' | 'inspect' | 'workQueue' | 'designer' | 'tokens' | 'admin';

/** A screen still to be built, at its address. */
export interface PlannedScreen {
  id: PlannedScreenId;
  path: string;
}

/** Every screen of the navigation except Orders, which is live. */
export const PLANNED_SCREENS: PlannedScreen[] = [
  { id: 'plan', path: 'control/plan' },
  { id: 'run', path: 'control/run' },
  { id: 'inspect', path: 'control/inspect' },
  { id: 'workQueue', path: 'work-queue' },
  { id: 'designer', path: 'designer' },
  { id: 'tokens', path: 'tokens' },
  { id: 'admin', path: 'admin' },
];

/** What a planned screen's page says, in the user's language. */
export interface PlannedScreenText {
  eyebrow?: string;
  title: string;
  audience: string;
  summary: string;
  capabilities: string[];
}

/** The words of each planned screen (explicit keys, so the catalog check sees each). */
export function plannedScreenText(t: TFunction<'common'>, id: PlannedScreenId): PlannedScreenText {
  const list = { returnObjects: true } as const;
  switch (id) {
    case 'plan':
      return {
        eyebrow: t('planned.plan.eyebrow'),
        title: t('planned.plan.title'),
        audience: t('planned.plan.audience'),
        summary: t('planned.plan.summary'),
        capabilities: t('planned.plan.capabilities', list),
      };
    case 'run':
      return {
        eyebrow: t('planned.run.eyebrow'),
        title: t('planned.run.title'),
        audience: t('planned.run.audience'),
        summary: t('planned.run.summary'),
        capabilities: t('planned.run.capabilities', list),
      };
    case 'inspect':
      return {
        eyebrow: t('planned.inspect.eyebrow'),
        title: t('planned.inspect.title'),
        audience: t('planned.inspect.audience'),
        summary: t('planned.inspect.summary'),
        capabilities: t('planned.inspect.capabilities', list),
      };
    case 'workQueue':
      return {
        title: t('planned.workQueue.title'),
        audience: t('planned.workQueue.audience'),
        summary: t('planned.workQueue.summary'),
        capabilities: t('planned.workQueue.capabilities', list),
      };
    case 'designer':
      return {
        title: t('planned.designer.title'),
        audience: t('planned.designer.audience'),
        summary: t('planned.designer.summary'),
        capabilities: t('planned.designer.capabilities', list),
      };
    case 'tokens':
      return {
        title: t('planned.tokens.title'),
        audience: t('planned.tokens.audience'),
        summary: t('planned.tokens.summary'),
        capabilities: t('planned.tokens.capabilities', list),
      };
    case 'admin':
      return {
        title: t('planned.admin.title'),
        audience: t('planned.admin.audience'),
        summary: t('planned.admin.summary'),
        capabilities: t('planned.admin.capabilities', list),
      };
  }
}
