import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { plannedScreenText } from './planned-screens.ts';
import type { PlannedScreen } from './planned-screens.ts';
import './planned-screen-page.css';

/** An honest placeholder: what this screen will do once it is built. No sample data. */
export function PlannedScreenPage({ screen }: { screen: PlannedScreen }) {
  const { t } = useTranslation();
  const text = plannedScreenText(t, screen.id);
  return (
    <>
      <PageHeader eyebrow={text.eyebrow} title={text.title} description={text.summary} />
      <section className="planned">
        <div className="planned__status">
          <span className="planned__pill">{t('planned.pill')}</span>
          <span>{t('planned.for', { audience: text.audience })}</span>
        </div>
        <h2 className="planned__heading">{t('planned.heading')}</h2>
        <ul className="planned__list">
          {text.capabilities.map((capability) => (
            <li key={capability}>{capability}</li>
          ))}
        </ul>
        <p className="planned__note">
          <Trans t={t} i18nKey="planned.note" components={{ link: <Link to="/orders" /> }} />
        </p>
      </section>
    </>
  );
}
