import type { Shift } from '@atelier/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField } from '../../../components/checkbox-group-field.tsx';
import { TextField } from '../../../components/form.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { useCatalogList } from '../api/catalog-queries.ts';
import { useWeekdayLabels } from '../hooks/use-weekday-labels.ts';
import { BLANK_SHIFT, minutesToClock, shiftFormSchema, shiftFormToBody, shiftToForm } from '../lib/shift-form.ts';
import type { ShiftForm } from '../lib/shift-form.ts';
import type { CatalogSectionSpec } from './catalog-section.tsx';
import { CatalogSection } from './catalog-section.tsx';
import { CodeCell } from './code-cell.tsx';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function ShiftFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation('admin');
  const weekdayLabels = useWeekdayLabels();
  const centers = useCatalogList('work-centers');
  const teams = useCatalogList('teams');
  const active = <T extends { active: boolean; code: string; name: string }>(items: T[] | undefined) =>
    (items ?? [])
      .filter((item) => item.active)
      .map((item) => ({ value: item.code, label: `${item.name} (${item.code})` }));
  return (
    <>
      <div className="admin-form__row">
        <TextField
          name="code"
          label={t('fields.code')}
          hint={t('hints.code')}
          readOnly={editing}
          autoFocus={!editing}
        />
        <TextField name="name" label={t('fields.name')} />
      </div>
      <div className="admin-form__row">
        <TextField name="startMinute" type="time" label={t('fields.start')} />
        <TextField name="endMinute" type="time" label={t('fields.end')} hint={t('hints.end')} />
      </div>
      <CheckboxGroupField
        name="weekdays"
        legend={t('fields.weekdays')}
        options={WEEKDAYS.map((day) => ({ value: String(day), label: weekdayLabels[day] }))}
      />
      <div className="admin-form__row">
        <SelectField
          name="workCenter"
          label={t('fields.workCenter')}
          options={active(centers.data)}
          emptyLabel={t('shifts.anyWorkCenter')}
        />
        <SelectField
          name="team"
          label={t('fields.team')}
          options={active(teams.data)}
          emptyLabel={t('shifts.anyTeam')}
        />
      </div>
    </>
  );
}

/** Shifts: the weekly working windows of work centers and teams. */
export function ShiftsSection() {
  const { t } = useTranslation('admin');
  const weekdayLabels = useWeekdayLabels();
  const spec = useMemo((): CatalogSectionSpec<'shifts', ShiftForm> => {
    const hours = (shift: Shift) => `${minutesToClock(shift.startMinute)}–${minutesToClock(shift.endMinute)}`;
    const days = (weekdays: number[]) =>
      WEEKDAYS.filter((day) => weekdays.includes(day))
        .map((day) => weekdayLabels[day])
        .join(' ');
    return {
      kind: 'shifts',
      columns: [
        {
          accessorKey: 'code',
          header: t('fields.code'),
          cell: ({ getValue }) => <CodeCell code={getValue<string>()} />,
        },
        { accessorKey: 'name', header: t('fields.name') },
        {
          id: 'hours',
          header: t('fields.hours'),
          accessorFn: (shift: Shift) => shift.startMinute,
          cell: ({ row }) => hours(row.original),
        },
        {
          id: 'weekdays',
          header: t('fields.weekdays'),
          accessorFn: (shift: Shift) => days(shift.weekdays),
          enableSorting: false,
        },
        {
          accessorKey: 'workCenter',
          header: t('fields.workCenter'),
          cell: ({ getValue }) =>
            getValue<string | null>() ?? <span className="muted">{t('shifts.anyWorkCenter')}</span>,
        },
        {
          accessorKey: 'team',
          header: t('fields.team'),
          cell: ({ getValue }) => {
            const team = getValue<string | null>();
            return team ? <CodeCell code={team} /> : <span className="muted">{t('shifts.anyTeam')}</span>;
          },
        },
      ],
      searchText: (shift) => `${shift.code} ${shift.name} ${shift.workCenter ?? ''} ${shift.team ?? ''}`,
      newLabel: t('shifts.new'),
      createTitle: t('shifts.new'),
      editTitle: (shift) => t('shifts.edit', { name: shift.name }),
      nameOf: (shift) => shift.name,
      deactivateText: () => t('shifts.deactivateText'),
      schema: shiftFormSchema,
      blank: BLANK_SHIFT,
      toForm: shiftToForm,
      toBody: shiftFormToBody,
      immutable: ['code'],
      changeLabels: {
        name: t('fields.name'),
        startMinute: t('fields.start'),
        endMinute: t('fields.end'),
        weekdays: t('fields.weekdays'),
        workCenter: t('fields.workCenter'),
        team: t('fields.team'),
      },
      formatChange: { startMinute: minutesToClock, endMinute: minutesToClock, weekdays: days },
      Fields: ShiftFields,
    };
  }, [t, weekdayLabels]);
  return <CatalogSection spec={spec} />;
}
