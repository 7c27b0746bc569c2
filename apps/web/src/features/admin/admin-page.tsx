import { NavLink, Navigate, useParams } from 'react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiKeysSection } from './components/api-keys-section.tsx';
import { PresetsSection } from './components/presets-section.tsx';
import { ShiftsSection } from './components/shifts-section.tsx';
import { SkillsSection } from './components/skills-section.tsx';
import { StationsSection } from './components/stations-section.tsx';
import { TeamsSection } from './components/teams-section.tsx';
import { UsersSection } from './components/users-section.tsx';
import { WorkCentersSection } from './components/work-centers-section.tsx';
import './admin.css';

/** The Admin's sections, in the order a new factory sets itself up; each is `/admin/<section>`. */
const SECTIONS = ['users', 'skills', 'teams', 'work-centers', 'shifts', 'stations', 'presets', 'api-keys'] as const;
type Section = (typeof SECTIONS)[number];

const isSection = (value: string | undefined): value is Section =>
  value !== undefined && (SECTIONS as readonly string[]).includes(value);

function SectionContent({ section }: { section: Section }): ReactNode {
  switch (section) {
    case 'users':
      return <UsersSection />;
    case 'skills':
      return <SkillsSection />;
    case 'teams':
      return <TeamsSection />;
    case 'work-centers':
      return <WorkCentersSection />;
    case 'shifts':
      return <ShiftsSection />;
    case 'stations':
      return <StationsSection />;
    case 'presets':
      return <PresetsSection />;
    case 'api-keys':
      return <ApiKeysSection />;
  }
}

/** Admin: the people, skills, places, shifts, presets, stations and keys the factory runs on. */
export function AdminPage() {
  const { t } = useTranslation('admin');
  const { section } = useParams();
  if (!isSection(section)) return <Navigate to="/admin/users" replace />;
  const labels: Record<Section, string> = {
    users: t('sections.users'),
    skills: t('sections.skills'),
    teams: t('sections.teams'),
    'work-centers': t('sections.workCenters'),
    shifts: t('sections.shifts'),
    stations: t('sections.stations'),
    presets: t('sections.presets'),
    'api-keys': t('sections.apiKeys'),
  };
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <nav className="admin-tabs" aria-label={t('sections.label')}>
        {SECTIONS.map((key) => (
          <NavLink
            key={key}
            to={`/admin/${key}`}
            className={({ isActive }) => `admin-tabs__tab${isActive ? ' admin-tabs__tab--active' : ''}`}
          >
            {labels[key]}
          </NavLink>
        ))}
      </nav>
      <section aria-label={labels[section]} className="admin-section">
        <SectionContent section={section} />
      </section>
    </>
  );
}
