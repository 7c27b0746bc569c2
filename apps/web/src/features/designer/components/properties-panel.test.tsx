import type { Skill, WorkCenter } from '@atelier/contracts';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../lib/testing/render.tsx';
import { DesignerProvider, useDesignerStore } from '../hooks/designer-context.tsx';
import type { DesignerStore } from '../model/designer-store.ts';
import type { NodeFieldErrors } from '../model/server-field-errors.ts';
import { docToGraph, graphToDoc } from '../model/graph-mapping.ts';
import { demoRouting } from '../model/test-graphs.ts';
import { PropertiesPanel } from './properties-panel.tsx';

const WORK_CENTERS: WorkCenter[] = [
  { id: '00000000-0000-4000-8000-000000000001', code: 'CUT', name: 'Cutting table', capacity: 2, active: true },
  { id: '00000000-0000-4000-8000-000000000002', code: 'SKV', name: 'Skiving', capacity: 1, active: true },
];
const SKILLS: Skill[] = [
  { id: '00000000-0000-4000-8000-000000000003', code: 'cutting', name: 'Cutting', active: true },
  { id: '00000000-0000-4000-8000-000000000004', code: 'skiving', name: 'Skiving', active: true },
];

async function renderPanel(
  select: (store: DesignerStore) => void,
  language: 'en' | 'th' = 'en',
  fieldErrors: NodeFieldErrors = new Map(),
) {
  let store: DesignerStore | undefined;
  function Probe() {
    store = useDesignerStore();
    return null;
  }
  await renderWithProviders(
    <DesignerProvider context={{}}>
      <Probe />
      <PropertiesPanel workCenters={WORK_CENTERS} skills={SKILLS} fieldErrors={fieldErrors} />
    </DesignerProvider>,
    { language },
  );
  if (!store) throw new Error('no store');
  const ready = store;
  act(() => {
    ready.getState().load(graphToDoc(demoRouting()));
    select(ready);
  });
  return ready;
}

const cut = (store: DesignerStore) => docToGraph(store.getState()).nodes.find((n) => n.key === 'cut');

describe('PropertiesPanel', () => {
  it('validates standard minutes as you type and applies only a valid value', async () => {
    const store = await renderPanel((s) => s.getState().select(['cut'], []));
    const minutes = screen.getByLabelText('Standard minutes');
    await userEvent.clear(minutes);
    await userEvent.type(minutes, '0');
    expect(screen.getByRole('alert')).toHaveTextContent('Must be more than 0.');
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    await userEvent.tab();
    expect(cut(store)?.config?.standardMinutes).not.toBe(0);
    await userEvent.clear(minutes);
    await userEvent.type(minutes, '15{Enter}');
    expect(cut(store)?.config?.standardMinutes).toBe(15);
  });

  it('refuses a key another step has, and renames the step with a free one', async () => {
    const store = await renderPanel((s) => s.getState().select(['cut'], []));
    const key = screen.getByLabelText('Key');
    await userEvent.clear(key);
    await userEvent.type(key, 'start');
    expect(screen.getByRole('alert')).toHaveTextContent('Another step has this key.');
    await userEvent.clear(key);
    await userEvent.type(key, 'cut-panels{Enter}');
    expect(store.getState().nodes.some((n) => n.id === 'cut-panels')).toBe(true);
  });

  it('picks the work center from master data, not free text', async () => {
    const store = await renderPanel((s) => s.getState().select(['cut'], []));
    const picker = screen.getByLabelText('Work center');
    expect(screen.getByRole('option', { name: 'Skiving (SKV)' })).toBeInTheDocument();
    await userEvent.selectOptions(picker, 'SKV');
    expect(cut(store)?.config?.workCenter).toBe('SKV');
  });

  it('edits the pass limit of a selected rework edge', async () => {
    const store = await renderPanel((s) => {
      const rework = s.getState().edges.find((e) => e.data?.kind === 'rework');
      s.getState().select([], rework ? [rework.id] : []);
    });
    const passes = screen.getByLabelText('Maximum passes');
    await userEvent.clear(passes);
    await userEvent.type(passes, '0');
    expect(screen.getByRole('alert')).toHaveTextContent('Must be at least 1.');
    await userEvent.clear(passes);
    await userEvent.type(passes, '3{Enter}');
    expect(docToGraph(store.getState()).edges.find((e) => e.kind === 'rework')?.maxPasses).toBe(3);
  });

  it('speaks Thai', async () => {
    await renderPanel((s) => s.getState().select(['cut'], []), 'th');
    expect(screen.getByLabelText('เวลามาตรฐาน (นาที)')).toBeInTheDocument();
    expect(screen.getByLabelText('สถานีงาน')).toBeInTheDocument();
  });

  it('marks a field the API refused until it is changed', async () => {
    const refused: NodeFieldErrors = new Map([['cut', new Map([['standardMinutes', 'Expected a number']])]]);
    await renderPanel((s) => s.getState().select(['cut'], []), 'en', refused);
    const minutes = screen.getByLabelText('Standard minutes');
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Expected a number');
    await userEvent.type(minutes, '5');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
