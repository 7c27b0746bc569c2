import type { WorkItemView } from '@atelier/contracts';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useWorkItem } from '../api/work-queue-queries.ts';
import { AttributeList } from './attribute-list.tsx';
import { WorkTimer } from './work-timer.tsx';

/** A piece's detail: the step's instructions, QC checklist, skills, and everyone's time on it. */
export function WorkItemDetailDialog({
  item: initial,
  open,
  onOpenChange,
}: {
  item: WorkItemView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('station');
  const f = useFormat();
  const item = useWorkItem(initial.id, initial).data ?? initial;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="wide"
      title={<span translate="no">{item.token.serial}</span>}
      description={<span translate="no">{`${item.order.code} · ${item.order.product}`}</span>}
    >
      <div className="wq-detail">
        <section>
          <h4 className="wq-detail__heading">{t('detail.instructions')}</h4>
          {item.node.instructions ? (
            <p className="wq-detail__instructions" translate="no">
              {item.node.instructions}
            </p>
          ) : (
            <p className="wq-detail__instructions">{t('detail.noInstructions')}</p>
          )}
          {item.node.qcChecklist.length > 0 ? (
            <>
              <h4 className="wq-detail__heading">{t('detail.checklist')}</h4>
              <ul className="wq-detail__checklist" translate="no">
                {item.node.qcChecklist.map((point) => (
                  <li key={point}>{point}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section>
          <h4 className="wq-detail__heading">{t('detail.piece')}</h4>
          <AttributeList attributes={item.token.attributes} />
          <dl className="wq-detail__facts">
            <dt>{t('card.step')}</dt>
            <dd translate="no">{item.node.name ?? item.node.key}</dd>
            {item.workCenter ? (
              <>
                <dt>{t('detail.workCenter')}</dt>
                <dd translate="no">{item.workCenter.name}</dd>
              </>
            ) : null}
            {item.node.skills.length > 0 ? (
              <>
                <dt>{t('detail.skills')}</dt>
                <dd>
                  {item.node.skills
                    .map((skill) => t('detail.skillLevel', { skill: skill.code, level: skill.minLevel }))
                    .join(', ')}
                </dd>
              </>
            ) : null}
            <dt>{t('card.worked')}</dt>
            <dd>
              <WorkTimer item={item} label={t('card.worked')} />
            </dd>
            <dt>{t('detail.operators')}</dt>
            <dd>
              {item.operators.length === 0
                ? t('card.nobody')
                : item.operators
                    .map(
                      (operator) => `${operator.displayName} (${f.minutes(Math.round(operator.workedSeconds / 60))})`,
                    )
                    .join(', ')}
            </dd>
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
