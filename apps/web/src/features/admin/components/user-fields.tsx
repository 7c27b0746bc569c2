import { ROLES } from '@atelier/contracts';
import { useFieldArray } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { CheckboxGroupField } from '../../../components/checkbox-group-field.tsx';
import { TextField } from '../../../components/form.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { useCatalogList } from '../api/catalog-queries.ts';
import { useRoleLabels } from '../hooks/use-role-labels.ts';
import type { UserForm } from '../lib/user-form.ts';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The skills a user holds, each with its level 1-5 (a row per skill). */
function SkillLevels({ form }: { form: UseFormReturn<UserForm> }) {
  const { t } = useTranslation('admin');
  const skills = useCatalogList('skills');
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'skills' });
  const options = (skills.data ?? [])
    .filter((skill) => skill.active)
    .map((skill) => ({ value: skill.code, label: `${skill.name} (${skill.code})` }));
  const levelOptions = LEVELS.map((level) => ({ value: String(level), label: t('users.level', { level }) }));
  const listError = form.formState.errors.skills?.root?.message ?? form.formState.errors.skills?.message;
  return (
    <fieldset className="field admin-skills">
      <legend className="field__label">{t('fields.skills')}</legend>
      {fields.length === 0 ? <p className="muted admin-skills__none">{t('users.noSkills')}</p> : null}
      {fields.map((field, index) => (
        <div key={field.id} className="admin-skills__row">
          <SelectField name={`skills.${index}.code`} label={t('fields.skill')} options={options} />
          <SelectField name={`skills.${index}.level`} label={t('fields.level')} options={levelOptions} numeric />
          <Button
            variant="ghost"
            onClick={() => remove(index)}
            aria-label={t('users.removeSkill', { index: index + 1 })}
          >
            {t('actions.remove')}
          </Button>
        </div>
      ))}
      {listError ? <p className="field__error">{listError}</p> : null}
      <div>
        <Button onClick={() => append({ code: options[0]?.value ?? '', level: 1 })} disabled={options.length === 0}>
          {t('users.addSkill')}
        </Button>
      </div>
    </fieldset>
  );
}

/** The fields of the user form; the username is fixed once created. */
export function UserFields({ form, editing }: { form: UseFormReturn<UserForm>; editing: boolean }) {
  const { t } = useTranslation('admin');
  const roleLabels = useRoleLabels();
  const teams = useCatalogList('teams');
  const teamOptions = (teams.data ?? [])
    .filter((team) => team.active)
    .map((team) => ({ value: team.code, label: `${team.name} (${team.code})` }));
  const presentField = form.register('present');
  return (
    <>
      <div className="admin-form__row">
        <TextField
          name="username"
          label={t('fields.username')}
          hint={t('hints.username')}
          readOnly={editing}
          autoComplete="off"
          autoFocus={!editing}
        />
        <TextField name="displayName" label={t('fields.displayName')} autoComplete="off" />
      </div>
      <CheckboxGroupField
        name="roles"
        legend={t('fields.roles')}
        options={ROLES.map((role) => ({ value: role, label: roleLabels[role] }))}
      />
      <div className="admin-form__row">
        <SelectField name="team" label={t('fields.team')} options={teamOptions} emptyLabel={t('users.noTeam')} />
        <TextField name="badgeId" label={t('fields.badgeId')} hint={t('hints.badgeId')} autoComplete="off" />
      </div>
      <SkillLevels form={form} />
      <div className="admin-form__row">
        <TextField
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          label={editing ? t('fields.newPin') : t('fields.pin')}
          hint={editing ? t('hints.pinKeep') : t('hints.pin')}
        />
        <TextField
          name="password"
          type="password"
          autoComplete="new-password"
          label={editing ? t('fields.newPassword') : t('fields.password')}
          hint={editing ? t('hints.passwordKeep') : t('hints.password')}
        />
      </div>
      <label className="checkbox-group__option">
        <input type="checkbox" {...presentField} />
        {t('fields.presentToday')}
      </label>
    </>
  );
}
