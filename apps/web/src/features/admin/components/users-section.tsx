import { ROLES } from '@atelier/contracts';
import type { User } from '@atelier/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoleLabels } from '../hooks/use-role-labels.ts';
import { BLANK_USER, userFormSchema, userFormToBody, userToForm } from '../lib/user-form.ts';
import type { UserForm } from '../lib/user-form.ts';
import type { CatalogSectionSpec } from './catalog-section.tsx';
import { CatalogSection } from './catalog-section.tsx';
import { CodeCell } from './code-cell.tsx';
import { UserFields } from './user-fields.tsx';

const skillsText = (skills: User['skills']) => skills.map((skill) => `${skill.code} ${skill.level}`).join(', ') || '—';

/** Users: roles, team, skills with levels, badge, station PIN, attendance; deactivating signs them out. */
export function UsersSection() {
  const { t } = useTranslation('admin');
  const roleLabels = useRoleLabels();
  const spec = useMemo((): CatalogSectionSpec<'users', UserForm> => {
    const rolesText = (roles: User['roles']) =>
      ROLES.filter((role) => roles.includes(role))
        .map((role) => roleLabels[role])
        .join(', ');
    return {
      kind: 'users',
      columns: [
        {
          accessorKey: 'displayName',
          header: t('fields.displayName'),
          cell: ({ row }) => (
            <div className="admin-person">
              <span className="admin-person__name">{row.original.displayName}</span>
              <CodeCell code={row.original.username} />
            </div>
          ),
        },
        { id: 'roles', header: t('fields.roles'), accessorFn: (user: User) => rolesText(user.roles) },
        {
          accessorKey: 'team',
          header: t('fields.team'),
          cell: ({ getValue }) => {
            const team = getValue<string | null>();
            return team ? <CodeCell code={team} /> : <span className="muted">—</span>;
          },
        },
        {
          id: 'skills',
          header: t('fields.skills'),
          accessorFn: (user: User) => skillsText(user.skills),
          enableSorting: false,
          cell: ({ row }) =>
            row.original.skills.length === 0 ? (
              <span className="muted">—</span>
            ) : (
              <ul className="admin-chips">
                {row.original.skills.map((skill) => (
                  <li key={skill.code} className="admin-chip">
                    {skill.code} {skill.level}
                  </li>
                ))}
              </ul>
            ),
        },
        {
          accessorKey: 'badgeId',
          header: t('fields.badgeId'),
          cell: ({ getValue }) => getValue<string | null>() ?? <span className="muted">—</span>,
        },
        {
          id: 'pin',
          header: t('fields.pin'),
          accessorFn: (user: User) => (user.hasPin ? 1 : 0),
          cell: ({ row }) =>
            row.original.hasPin ? t('users.pinSet') : <span className="muted">{t('users.noPin')}</span>,
        },
        {
          id: 'present',
          header: t('fields.present'),
          accessorFn: (user: User) => (user.present ? 1 : 0),
          cell: ({ row }) =>
            row.original.present ? (
              <span className="admin-nowrap">{t('status.present')}</span>
            ) : (
              <span className="muted admin-nowrap">{t('status.absent')}</span>
            ),
        },
      ],
      initialSort: [{ id: 'displayName', desc: false }],
      searchText: (user) =>
        [
          user.displayName,
          user.username,
          user.team ?? '',
          user.badgeId ?? '',
          rolesText(user.roles),
          skillsText(user.skills),
        ].join(' '),
      newLabel: t('users.new'),
      createTitle: t('users.new'),
      editTitle: (user) => t('users.edit', { name: user.displayName }),
      nameOf: (user) => user.displayName,
      deactivateText: (user) => t('users.deactivateText', { name: user.displayName }),
      schema: userFormSchema,
      blank: BLANK_USER,
      toForm: userToForm,
      toBody: userFormToBody,
      immutable: ['username'],
      changeLabels: {
        displayName: t('fields.displayName'),
        roles: t('fields.roles'),
        team: t('fields.team'),
        skills: t('fields.skills'),
        badgeId: t('fields.badgeId'),
        present: t('fields.present'),
      },
      formatChange: {
        roles: rolesText,
        skills: skillsText,
        present: (present: boolean) => (present ? t('status.present') : t('status.absent')),
      },
      sentChanges: (body) => [
        ...(body.pin === undefined ? [] : [t('users.pinReset')]),
        ...(body.password === undefined ? [] : [t('users.passwordReset')]),
      ],
      Fields: UserFields,
    };
  }, [t, roleLabels]);
  return <CatalogSection spec={spec} />;
}
