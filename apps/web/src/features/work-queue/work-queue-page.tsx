import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe, useSignOut } from '../../api/session-queries.ts';
import { Button } from '../../components/button.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { WorkQueueBoard } from './components/work-queue-board.tsx';
import './work-queue.css';

/**
 * The work queue inside the app shell (`/work-queue`), where a station sign-in lands; "Switch
 * operator" signs out into station mode's name tiles.
 */
export function WorkQueuePage() {
  const { t } = useTranslation('station');
  const navigate = useNavigate();
  const me = useMe().data;
  const signOut = useSignOut(() => navigate('/station'));
  if (!me) return <LoadingState />;
  return (
    <div className="wq-page">
      <PageHeader
        title={t('title')}
        actions={
          me.station ? (
            <Button size="large" pending={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('station.switchOperator')}
            </Button>
          ) : null
        }
      />
      <WorkQueueBoard me={me} />
    </div>
  );
}
