import { useTranslation } from 'react-i18next';

/**
 * Plain words, in the user's language, for the refusals an admin form can meet; undefined for a
 * code with none (the API's own message is shown then).
 */
export function useProblemWords(): (code: string) => string | undefined {
  const { t } = useTranslation('admin');
  return (code) => {
    switch (code) {
      case 'USERNAME_TAKEN':
        return t('problems.usernameTaken');
      case 'BADGE_TAKEN':
        return t('problems.badgeTaken');
      case 'SKILL_CODE_TAKEN':
      case 'TEAM_CODE_TAKEN':
      case 'WORK_CENTER_CODE_TAKEN':
      case 'SHIFT_CODE_TAKEN':
      case 'NODE_PRESET_CODE_TAKEN':
        return t('problems.codeTaken');
      case 'STATION_NAME_TAKEN':
        return t('problems.stationNameTaken');
      case 'UNKNOWN_REFERENCE':
        return t('problems.unknownReference');
      case 'LAST_ADMIN':
        return t('problems.lastAdmin');
      case 'SHIFT_EMPTY':
        return t('problems.shiftEmpty');
      case 'NODE_PRESET_BUILTIN':
        return t('problems.presetBuiltin');
      case 'NODE_PRESET_IN_USE':
        return t('problems.presetInUse');
      default:
        return undefined;
    }
  };
}
