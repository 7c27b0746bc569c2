import { zodResolver } from '@hookform/resolvers/zod';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, toProblem } from '../api/problem.ts';
import { renderWithProviders } from '../lib/testing/render.tsx';
import { Button } from './button.tsx';
import { Form, showProblemOnFields, TextField } from './form.tsx';

const skillSchema = z.object({ code: z.string().min(2), level: z.number().int().max(5) });
type SkillForm = z.infer<typeof skillSchema>;

const refusal = new ApiError(
  toProblem(
    400,
    'application/problem+json',
    JSON.stringify({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request is invalid.',
      errors: [{ in: 'body', path: 'code', message: 'A skill with this code already exists' }],
    }),
  ),
);

function SkillEditor() {
  const form = useForm<SkillForm>({ resolver: zodResolver(skillSchema), defaultValues: { code: '', level: 1 } });
  return (
    <Form form={form} onSubmit={() => void showProblemOnFields(form, refusal)}>
      <TextField name="code" label="Code" hint="Two letters or more" />
      <TextField name="level" label="Level" type="number" numeric />
      <Button type="submit">Save</Button>
    </Form>
  );
}

describe('Form fields', () => {
  it('shows what the shared schema refuses beside the field, in the user language', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<SkillEditor />, { language: 'th' });
    await user.type(screen.getByLabelText('Code'), 'X');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const code = screen.getByLabelText('Code');
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    // zod's Thai locale words the message; the hint stays readable with it.
    expect(code).toHaveAccessibleDescription(/Two letters or more .*\S/);
    expect(code.getAttribute('aria-describedby')).toContain('error');
    expect(code).not.toHaveAccessibleDescription(/Too small/);
  });

  it('marks the fields an API refusal names, keeping what was typed', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<SkillEditor />);
    await user.type(screen.getByLabelText('Code'), 'CUT');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const code = screen.getByLabelText('Code');
    await waitFor(() => expect(code).toHaveAccessibleDescription(/A skill with this code already exists/));
    expect(code).toHaveValue('CUT');
    expect(screen.getByLabelText('Level')).toHaveAttribute('aria-invalid', 'false');
  });
});
