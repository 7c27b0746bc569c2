import { assignmentPolicySchema, conditionOpSchema, graphNodeSchema, nodeKeySchema } from '@atelier/domain';
import type { ConditionScalar, EdgeCondition, EdgeKind, NodeConfig, NodeType, SkillRequirement } from '@atelier/domain';
import type { Skill, WorkCenter } from '@atelier/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useDesigner, useDesignerStore } from '../hooks/designer-context.tsx';
import type { NodeFieldErrors } from '../model/server-field-errors.ts';
import type { DesignerEdge, DesignerNode, KindData } from '../model/types.ts';
import { CommitField, SelectField } from './commit-field.tsx';
import { edgeKindLabel } from './edge-kind-label.ts';
import { nodeTypeLabel } from './node-type-label.ts';

const WORK_STEPS: ReadonlySet<NodeType> = new Set(['operation', 'qc']);
const KINDS_OF: Record<NodeType, readonly EdgeKind[]> = {
  start: ['normal'],
  end: ['normal'],
  operation: ['normal'],
  join: ['normal'],
  split: ['normal'],
  qc: ['pass', 'fail', 'rework'],
  decision: ['condition', 'default'],
};

function selectedIds(items: readonly { id: string; selected?: boolean }[]): string {
  let ids = '';
  for (const item of items) if (item.selected) ids = ids ? `${ids}\n${item.id}` : item.id;
  return ids;
}

/** Props of {@link PropertiesPanel}: the master data the pickers offer. */
export interface PropertiesPanelProps {
  workCenters: readonly WorkCenter[];
  skills: readonly Skill[];
  /** Turns the selected work step into a user preset. */
  onSaveAsPreset?: (node: DesignerNode) => void;
  /** Fields the API refused on the last save. */
  fieldErrors?: NodeFieldErrors;
}

/** Properties of the one selected node or edge (nothing selected: the routing's own name). */
export function PropertiesPanel(props: PropertiesPanelProps) {
  const { t } = useTranslation('designer');
  // Primitive selections (ids joined), so a drag elsewhere does not re-render the panel.
  const nodeIds = useDesigner((s) => selectedIds(s.nodes));
  const edgeIds = useDesigner((s) => selectedIds(s.edges));
  const nodeCount = nodeIds ? nodeIds.split('\n').length : 0;
  const edgeCount = edgeIds ? edgeIds.split('\n').length : 0;
  const node = useDesigner((s) =>
    nodeCount === 1 && edgeCount === 0 ? s.nodes.find((n) => n.id === nodeIds) : undefined,
  );
  const edge = useDesigner((s) =>
    nodeCount === 0 && edgeCount === 1 ? s.edges.find((e) => e.id === edgeIds) : undefined,
  );
  const selection = { count: nodeCount + edgeCount };
  return (
    <section className="dz-properties" aria-label={t('properties.title')}>
      <h2 className="dz-panel-title">{t('properties.title')}</h2>
      {node ? <NodeProperties key={node.id} node={node} {...props} /> : null}
      {edge ? <EdgeProperties key={edge.id} edge={edge} /> : null}
      {selection.count > 1 ? <p className="dz-muted">{t('properties.many', { count: selection.count })}</p> : null}
      {selection.count === 0 ? <GraphProperties /> : null}
    </section>
  );
}

function GraphProperties() {
  const { t } = useTranslation('designer');
  const { meta, readOnly } = useDesigner((s) => ({ meta: s.meta, readOnly: s.readOnly }));
  const store = useDesignerStore();
  return (
    <div className="dz-form">
      <p className="dz-muted">{t('properties.nothingSelected')}</p>
      <CommitField
        label={t('properties.graphName')}
        value={meta.name}
        disabled={readOnly}
        validate={(text) => (text.trim() ? null : t('field.required'))}
        onCommit={(name) => store.getState().updateMeta({ ...meta, name: name.trim() })}
      />
      <CommitField
        label={t('properties.description')}
        value={meta.description ?? ''}
        multiline
        disabled={readOnly}
        onCommit={(text) => {
          const { description: _old, ...rest } = meta;
          store.getState().updateMeta(text.trim() ? { ...rest, description: text } : rest);
        }}
      />
    </div>
  );
}

/** Parses a number field; the message when it is not one that fits. */
function numberError(t: TFunction<'designer'>, text: string, { integer = false, min = 0, optional = true } = {}) {
  if (text.trim() === '') return optional ? null : t('field.required');
  const value = Number(text);
  if (!Number.isFinite(value)) return t('field.number');
  if (integer && !Number.isInteger(value)) return t('field.integer');
  if (value < min || (min === 0 && value <= 0)) return min === 0 ? t('field.positive') : t('field.atLeast', { min });
  return null;
}

function withConfig(config: NodeConfig, patch: Partial<Record<keyof NodeConfig, unknown>>): NodeConfig {
  const next: Record<string, unknown> = { ...config };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
  }
  return next as NodeConfig;
}

function NodeProperties({
  node,
  workCenters,
  skills,
  onSaveAsPreset,
  fieldErrors,
}: { node: DesignerNode } & PropertiesPanelProps) {
  const refused = (field: string) => fieldErrors?.get(node.id)?.get(field);
  const { t } = useTranslation('designer');
  const store = useDesignerStore();
  const readOnly = useDesigner((s) => s.readOnly);
  const type = node.type ?? 'operation';
  const config = node.data.config ?? {};
  const setConfig = (patch: Partial<Record<keyof NodeConfig, unknown>>) => {
    const next = withConfig(config, patch);
    const { config: _old, ...rest } = node.data;
    store.getState().updateNodeData(node.id, Object.keys(next).length > 0 ? { ...rest, config: next } : rest);
  };
  const toNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));
  const minOperators = config.minOperators;
  const maxOperators = config.maxOperators;
  const workCenterOptions = [
    { value: '', label: t('properties.choose') },
    ...workCenters.filter((w) => w.active).map((w) => ({ value: w.code, label: `${w.name} (${w.code})` })),
  ];
  const knownWorkCenter =
    !config.workCenter || workCenters.length === 0 || workCenters.some((w) => w.code === config.workCenter);
  if (config.workCenter && !workCenterOptions.some((o) => o.value === config.workCenter)) {
    workCenterOptions.push({ value: config.workCenter, label: config.workCenter });
  }
  return (
    <div className="dz-form" data-testid="node-properties">
      <div className="dz-properties__type">{nodeTypeLabel(t, type)}</div>
      <CommitField
        label={t('properties.name')}
        serverError={refused('name')}
        value={node.data.name}
        disabled={readOnly}
        validate={(text) =>
          graphNodeSchema.shape.name.safeParse(text.trim()).success ? null : t('field.nameLength', { max: 120 })
        }
        onCommit={(name) => store.getState().updateNodeData(node.id, { ...node.data, name: name.trim() })}
      />
      <CommitField
        label={t('properties.key')}
        value={node.id}
        disabled={readOnly}
        hint={t('properties.keyHint')}
        validate={(text) => {
          if (!nodeKeySchema.safeParse(text).success) return t('field.keyFormat');
          if (text !== node.id && store.getState().nodes.some((n) => n.id === text)) return t('field.keyTaken');
          return null;
        }}
        onCommit={(key) => store.getState().renameNode(node.id, key)}
      />
      {WORK_STEPS.has(type) ? (
        <>
          <SelectField
            label={t('properties.workCenter')}
            value={config.workCenter ?? ''}
            options={workCenterOptions}
            disabled={readOnly}
            error={knownWorkCenter ? null : t('field.unknownWorkCenter')}
            onChange={(value) => setConfig({ workCenter: value })}
          />
          <CommitField
            label={t('properties.standardMinutes')}
            serverError={refused('standardMinutes')}
            value={config.standardMinutes === undefined ? '' : String(config.standardMinutes)}
            inputMode="decimal"
            disabled={readOnly}
            validate={(text) => numberError(t, text, { optional: type === 'qc' })}
            onCommit={(text) => setConfig({ standardMinutes: toNumber(text) })}
          />
          <div className="dz-form__row">
            <CommitField
              label={t('properties.minOperators')}
              serverError={refused('minOperators')}
              value={minOperators === undefined ? '' : String(minOperators)}
              inputMode="numeric"
              disabled={readOnly}
              validate={(text) =>
                numberError(t, text, { integer: true, min: 1 }) ??
                (maxOperators !== undefined && Number(text) > maxOperators ? t('field.minAboveMax') : null)
              }
              onCommit={(text) => setConfig({ minOperators: toNumber(text) })}
            />
            <CommitField
              label={t('properties.maxOperators')}
              serverError={refused('maxOperators')}
              value={maxOperators === undefined ? '' : String(maxOperators)}
              inputMode="numeric"
              disabled={readOnly}
              validate={(text) =>
                numberError(t, text, { integer: true, min: 1 }) ??
                (minOperators !== undefined && text.trim() !== '' && Number(text) < minOperators
                  ? t('field.maxBelowMin')
                  : null)
              }
              onCommit={(text) => setConfig({ maxOperators: toNumber(text) })}
            />
          </div>
          <SkillsEditor
            value={config.skills ?? []}
            skills={skills}
            disabled={readOnly}
            onChange={(next) => setConfig({ skills: next })}
          />
          <SelectField
            label={t('properties.assignmentPolicy')}
            value={config.assignmentPolicy ?? ''}
            disabled={readOnly}
            options={[
              { value: '', label: t('properties.choose') },
              { value: 'auto', label: t('policy.auto') },
              { value: 'offer', label: t('policy.offer') },
              { value: 'pool', label: t('policy.pool') },
              { value: 'manual', label: t('policy.manual') },
            ]}
            onChange={(value) => setConfig({ assignmentPolicy: assignmentPolicySchema.safeParse(value).data })}
          />
          <CommitField
            label={t('properties.claimTimeout')}
            serverError={refused('claimTimeoutMinutes')}
            value={config.claimTimeoutMinutes === undefined ? '' : String(config.claimTimeoutMinutes)}
            inputMode="numeric"
            disabled={readOnly}
            validate={(text) => numberError(t, text)}
            onCommit={(text) => setConfig({ claimTimeoutMinutes: toNumber(text) })}
          />
          <CommitField
            label={t('properties.instructions')}
            value={config.instructions ?? ''}
            multiline
            disabled={readOnly}
            onCommit={(text) => setConfig({ instructions: text })}
          />
          {type === 'qc' ? (
            <CommitField
              label={t('properties.checklist')}
              hint={t('properties.checklistHint')}
              value={(config.qcChecklist ?? []).join('\n')}
              multiline
              disabled={readOnly}
              onCommit={(text) =>
                setConfig({
                  qcChecklist: text
                    .split('\n')
                    .map((line) => line.trim())
                    .filter(Boolean),
                })
              }
            />
          ) : null}
          {onSaveAsPreset && !readOnly ? (
            <button type="button" className="button" onClick={() => onSaveAsPreset(node)}>
              {t('properties.saveAsPreset')}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function SkillsEditor({
  value,
  skills,
  disabled,
  onChange,
}: {
  value: readonly SkillRequirement[];
  skills: readonly Skill[];
  disabled: boolean;
  onChange: (next: SkillRequirement[]) => void;
}) {
  const { t } = useTranslation('designer');
  const options = skills.filter((s) => s.active).map((s) => ({ value: s.code, label: s.name }));
  const free = options.filter((o) => !value.some((v) => v.code === o.value));
  const levels = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('properties.level', { level: n }) }));
  return (
    <fieldset className="dz-skills" disabled={disabled}>
      <legend className="dz-field__label">{t('properties.skills')}</legend>
      {value.map((skill, i) => (
        <div key={skill.code} className="dz-skills__row">
          <span className="dz-skills__code">{options.find((o) => o.value === skill.code)?.label ?? skill.code}</span>
          <select
            className="dz-input"
            aria-label={t('properties.skillLevel', { skill: skill.code })}
            value={String(skill.minLevel)}
            onChange={(event) =>
              onChange(value.map((s, j) => (j === i ? { ...s, minLevel: Number(event.target.value) } : s)))
            }
          >
            {levels.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="dz-icon-button"
            aria-label={t('properties.removeSkill', { skill: skill.code })}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      {free.length > 0 ? (
        <select
          className="dz-input"
          aria-label={t('properties.addSkill')}
          value=""
          onChange={(event) => event.target.value && onChange([...value, { code: event.target.value, minLevel: 1 }])}
        >
          <option value="">{t('properties.addSkill')}</option>
          {free.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : null}
    </fieldset>
  );
}

/** Reads a condition value as typed: a list for `in`, a number when it is one, else text. */
export function parseConditionValue(op: string, text: string): EdgeCondition['value'] {
  const scalar = (part: string): ConditionScalar => {
    const trimmed = part.trim();
    if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
    return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
  };
  return op === 'in' ? text.split(',').map(scalar) : scalar(text);
}

function conditionText(value: EdgeCondition['value'] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function EdgeProperties({ edge }: { edge: DesignerEdge }) {
  const { t } = useTranslation('designer');
  const store = useDesignerStore();
  const readOnly = useDesigner((s) => s.readOnly);
  const sourceType = useDesigner((s) => s.nodes.find((n) => n.id === edge.source)?.type ?? 'operation');
  const data: KindData = edge.data ?? { kind: 'normal' };
  const update = (next: KindData) => store.getState().updateEdgeData(edge.id, next);
  const kinds = KINDS_OF[sourceType].includes(data.kind) ? KINDS_OF[sourceType] : [data.kind, ...KINDS_OF[sourceType]];
  const condition = data.condition ?? { attribute: '', op: 'eq', value: '' };
  const setCondition = (patch: Partial<EdgeCondition>) => {
    const next = { ...condition, ...patch };
    update({ ...data, condition: next });
  };
  return (
    <div className="dz-form" data-testid="edge-properties">
      <div className="dz-properties__type">
        {edge.source} → {edge.target}
      </div>
      <SelectField
        label={t('properties.edgeKind')}
        value={data.kind}
        disabled={readOnly}
        options={kinds.map((kind) => ({ value: kind, label: edgeKindLabel(t, kind) }))}
        onChange={(value) => {
          const kind = value as EdgeKind;
          const next: KindData = { kind };
          if (data.label !== undefined) next.label = data.label;
          if (kind === 'rework') next.maxPasses = data.maxPasses ?? 2;
          if (kind === 'condition' && data.condition) next.condition = data.condition;
          update(next);
        }}
      />
      {data.kind === 'rework' ? (
        <CommitField
          label={t('properties.maxPasses')}
          value={data.maxPasses === undefined ? '' : String(data.maxPasses)}
          inputMode="numeric"
          disabled={readOnly}
          validate={(text) => numberError(t, text, { integer: true, min: 1, optional: false })}
          onCommit={(text) => update({ ...data, maxPasses: Number(text) })}
        />
      ) : null}
      {data.kind === 'condition' ? (
        <>
          <CommitField
            label={t('properties.attribute')}
            value={condition.attribute}
            disabled={readOnly}
            validate={(text) => (text.trim() ? null : t('field.required'))}
            onCommit={(text) => setCondition({ attribute: text.trim() })}
          />
          <SelectField
            label={t('properties.operator')}
            value={condition.op}
            disabled={readOnly}
            options={conditionOpSchema.options.map((op) => ({ value: op, label: op }))}
            onChange={(op) =>
              setCondition({
                op: conditionOpSchema.parse(op),
                value: parseConditionValue(op, conditionText(condition.value)),
              })
            }
          />
          <CommitField
            label={t('properties.value')}
            hint={condition.op === 'in' ? t('properties.valueListHint') : undefined}
            value={conditionText(data.condition?.value)}
            disabled={readOnly}
            validate={(text) => (text.trim() ? null : t('field.required'))}
            onCommit={(text) => setCondition({ value: parseConditionValue(condition.op, text) })}
          />
        </>
      ) : null}
      <CommitField
        label={t('properties.label')}
        value={data.label ?? ''}
        disabled={readOnly}
        onCommit={(text) => {
          const { label: _old, ...rest } = data;
          update(text.trim() ? { ...rest, label: text.trim() } : rest);
        }}
      />
    </div>
  );
}
