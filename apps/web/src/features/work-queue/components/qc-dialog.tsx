import { QC_REASON_CODES, type QcReasonCode, type WorkItemView } from '@atelier/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';

/** What an inspector records. */
export interface QcResultInput {
  result: 'pass' | 'fail' | 'rework';
  reasonCodes: string[];
  note?: string;
  checked: string[];
}

type Result = QcResultInput['result'];

const RESULTS: readonly Result[] = ['pass', 'rework', 'fail'];

/**
 * The QC inspection: the step's checklist as tick boxes, pass / rework / fail, defect codes (at
 * least one for a fail or rework) and a note.
 */
export function QcDialog({
  item,
  open,
  onOpenChange,
  pending,
  onSubmit,
}: {
  item: WorkItemView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pending: boolean;
  onSubmit: (input: QcResultInput) => void;
}) {
  const { t } = useTranslation('station');
  const [checked, setChecked] = useState<string[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const results: Record<Result, string> = { pass: t('qc.pass'), rework: t('qc.rework'), fail: t('qc.fail') };
  const codeLabels: Record<QcReasonCode, string> = {
    STITCH_GAP: t('qc.codes.STITCH_GAP'),
    LOOSE_THREAD: t('qc.codes.LOOSE_THREAD'),
    EDGE_PAINT: t('qc.codes.EDGE_PAINT'),
    LEATHER_FLAW: t('qc.codes.LEATHER_FLAW'),
    SCRATCH: t('qc.codes.SCRATCH'),
    COLOUR_MISMATCH: t('qc.codes.COLOUR_MISMATCH'),
    LOOSE_RIVET: t('qc.codes.LOOSE_RIVET'),
    HARDWARE_DEFECT: t('qc.codes.HARDWARE_DEFECT'),
    MEASUREMENT: t('qc.codes.MEASUREMENT'),
    GLUE_MARK: t('qc.codes.GLUE_MARK'),
  };
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value];
  const needsReason = result !== null && result !== 'pass';
  const ready = result !== null && (!needsReason || codes.length > 0);

  const submit = () => {
    if (!ready || result === null) return;
    const trimmed = note.trim();
    onSubmit({
      result,
      reasonCodes: result === 'pass' ? [] : codes,
      checked,
      ...(trimmed ? { note: trimmed } : {}),
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="wide"
      title={t('qc.title', { serial: item.token.serial })}
      footer={
        <Button variant="primary" size="large" disabled={!ready} pending={pending} onClick={submit}>
          {t('qc.submit')}
        </Button>
      }
    >
      {item.node.qcChecklist.length > 0 ? (
        <fieldset className="wq-fieldset">
          <legend>{t('qc.checklist')}</legend>
          {item.node.qcChecklist.map((point) => (
            <label key={point} className="wq-check">
              <input
                type="checkbox"
                checked={checked.includes(point)}
                onChange={() => setChecked((current) => toggle(current, point))}
              />
              <span>{point}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="wq-fieldset">
        <legend>{t('qc.result')}</legend>
        <div className="wq-results" role="radiogroup">
          {RESULTS.map((value) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={result === value}
              className={`wq-result wq-result--${value}`}
              onClick={() => setResult(value)}
            >
              {results[value]}
            </button>
          ))}
        </div>
      </fieldset>
      {needsReason ? (
        <fieldset className="wq-fieldset">
          <legend>{t('qc.reasons')}</legend>
          <div className="wq-codes">
            {QC_REASON_CODES.map((code) => (
              <label key={code} className="wq-check wq-check--code">
                <input
                  type="checkbox"
                  checked={codes.includes(code)}
                  onChange={() => setCodes((current) => toggle(current, code))}
                />
                <span>{codeLabels[code]}</span>
              </label>
            ))}
          </div>
          {codes.length === 0 ? <p className="wq-hint">{t('qc.needReason')}</p> : null}
        </fieldset>
      ) : null}
      <label className="wq-note">
        <span className="wq-note__label">{t('qc.note')}</span>
        <textarea
          value={note}
          maxLength={1000}
          rows={2}
          placeholder={t('qc.notePlaceholder')}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
    </Dialog>
  );
}
