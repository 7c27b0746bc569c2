import type { WorkItemView } from '@atelier/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { boundOperators, cardActions, type CardAction } from '../lib/card-actions.ts';
import { AttributeList } from './attribute-list.tsx';
import { StateLabel } from './state-label.tsx';
import { WorkTimer } from './work-timer.tsx';

/** Labels of the card's actions (literal keys, so the catalog check sees each). */
function useActionLabels(): Record<CardAction, string> {
  const { t } = useTranslation('station');
  return {
    claim: t('actions.claim'),
    start: t('actions.start'),
    pause: t('actions.pause'),
    resume: t('actions.resume'),
    complete: t('actions.complete'),
    inspect: t('actions.inspect'),
    handOff: t('actions.handOff'),
    requeue: t('actions.requeue'),
    join: t('actions.join'),
    leave: t('actions.leave'),
  };
}

/**
 * A piece on the station: serial, order, product and attributes, step, standard minutes, the
 * running timer, due date, priority and who is on it; the actions the operator may give now
 * (main one first and large), and its details.
 */
export function WorkCard({
  item,
  me,
  busy,
  onAction,
  onDetails,
}: {
  item: WorkItemView;
  me: string;
  /** A command on this card is on its way: its buttons wait. */
  busy: boolean;
  onAction: (action: CardAction, item: WorkItemView) => void;
  onDetails: (item: WorkItemView) => void;
}) {
  const { t } = useTranslation('station');
  const f = useFormat();
  const labels = useActionLabels();
  const actions = cardActions(item, me);
  const onIt = boundOperators(item);
  const titleId = `wq-card-${item.id}`;

  return (
    <article className={`wq-card wq-card--${item.state}`} aria-labelledby={titleId}>
      <header className="wq-card__header">
        <h3 id={titleId} className="wq-card__serial" translate="no">
          {item.token.serial}
        </h3>
        {item.priority > 0 ? (
          <span className="wq-chip wq-chip--priority">{t('card.priority', { value: f.number(item.priority) })}</span>
        ) : null}
        <StateLabel state={item.state} />
      </header>
      <p className="wq-card__order">
        <span className="wq-card__code" translate="no">
          {item.order.code}
        </span>{' '}
        · <span translate="no">{item.order.product}</span>
      </p>
      <AttributeList attributes={item.token.attributes} />
      <dl className="wq-card__facts">
        <div className="wq-card__fact wq-card__fact--step">
          <dt>{t('card.step')}</dt>
          <dd>
            <span translate="no">{item.node.name ?? item.node.key}</span>
            {item.workCenter ? (
              <span className="wq-card__muted" translate="no">
                {' '}
                · {item.workCenter.name}
              </span>
            ) : null}
            {item.visit > 1 ? (
              <span className="wq-chip wq-chip--rework">{t('card.rework', { visit: item.visit })}</span>
            ) : null}
          </dd>
        </div>
        <div className="wq-card__fact">
          <dt>{t('card.worked')}</dt>
          <dd>
            <WorkTimer item={item} label={t('card.worked')} />
            {item.node.standardMinutes !== null ? (
              <span className="wq-card__muted">
                {' '}
                / {t('card.standard', { duration: f.minutes(item.node.standardMinutes) })}
              </span>
            ) : null}
          </dd>
        </div>
        <div className="wq-card__fact">
          <dt>{t('card.dueLabel')}</dt>
          <dd>{item.order.dueDate ? f.day(item.order.dueDate) : t('card.noDue')}</dd>
        </div>
        <div className="wq-card__fact">
          <dt>{t('card.onIt')}</dt>
          <dd>
            {onIt.length === 0 ? (
              t('card.nobody')
            ) : (
              <span translate="no">{onIt.map((operator) => operator.displayName).join(', ')}</span>
            )}
            {item.node.maxOperators > 1 ? (
              <span className="wq-card__muted">
                {' '}
                · {t('card.operatorsRange', { min: item.node.minOperators, max: item.node.maxOperators })}
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      <footer className="wq-card__actions">
        {actions.map((offered, index) => (
          <Button
            key={offered.action}
            variant={index === 0 ? 'primary' : 'secondary'}
            size="large"
            pending={busy && index === 0}
            disabled={busy || offered.blocked !== undefined}
            onClick={() => onAction(offered.action, item)}
          >
            {labels[offered.action]}
          </Button>
        ))}
        <Button variant="ghost" size="large" onClick={() => onDetails(item)}>
          {t('card.details')}
        </Button>
        {actions.some((offered) => offered.blocked === 'needsColleagues') ? (
          <p className="wq-card__note">{t('card.needsColleagues', { count: item.node.minOperators })}</p>
        ) : null}
      </footer>
    </article>
  );
}
