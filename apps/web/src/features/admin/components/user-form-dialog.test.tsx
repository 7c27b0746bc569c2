import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/problem.ts';
import type { Problem } from '../../../api/problem.ts';
import { renderWithProviders } from '../../../lib/testing/render.tsx';
import { adminKeys } from '../api/keys.ts';
import { BLANK_USER, userFormSchema } from '../lib/user-form.ts';
import type { UserForm } from '../lib/user-form.ts';
import { EntryFormDialog } from './entry-form-dialog.tsx';
import { UserFields } from './user-fields.tsx';

const SKILLS = [
  { id: '00000000-0000-4000-8000-000000000011', code: 'cutting', name: 'Cutting', active: true },
  { id: '00000000-0000-4000-8000-000000000012', code: 'stitching', name: 'Stitching', active: true },
];

function conflict(code: string, path: string | null, detail: string): ApiError {
  const problem: Problem = {
    type: `urn:atelier-flow:problem:${code.toLowerCase()}`,
    title: 'Conflict',
    status: 409,
    detail,
    code,
    ...(path === null ? {} : { errors: [{ in: 'body', path, message: detail }] }),
  };
  return new ApiError(problem);
}

/** The user form as the Users section opens it, with catalogs in the cache instead of a server. */
async function renderUserForm(onSave: (values: UserForm) => Promise<void>, language: 'en' | 'th' = 'en') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(adminKeys.catalog('skills'), SKILLS);
  queryClient.setQueryData(adminKeys.catalog('teams'), []);
  const onClose = vi.fn();
  await renderWithProviders(
    <EntryFormDialog<UserForm>
      title="New user"
      onClose={onClose}
      schema={userFormSchema}
      defaultValues={BLANK_USER}
      submitLabel="Create"
      onSave={onSave}
    >
      {(form) => <UserFields form={form} editing={false} />}
    </EntryFormDialog>,
    { language, queryClient },
  );
  return { onClose };
}

describe('the user form, when the API refuses a save', () => {
  it('shows a taken username beside the username, focuses it and keeps every value typed', async () => {
    const user = userEvent.setup();
    const onSave = vi
      .fn()
      .mockRejectedValue(conflict('USERNAME_TAKEN', 'username', 'The username "somchai" is taken.'));
    const { onClose } = await renderUserForm(onSave);
    await user.type(screen.getByLabelText('Username'), 'somchai');
    await user.type(screen.getByLabelText('Name'), 'Somchai Two');
    await user.type(screen.getByLabelText('Station PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    const username = screen.getByLabelText('Username');
    await waitFor(() => expect(username).toHaveAccessibleDescription(/This username is taken\./));
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveFocus();
    expect(username).toHaveValue('somchai');
    expect(screen.getByLabelText('Name')).toHaveValue('Somchai Two');
    expect(screen.getByLabelText('Station PIN')).toHaveValue('2468');
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('puts an unknown skill beside that skill row, in Thai for a Thai user', async () => {
    const user = userEvent.setup();
    const onSave = vi
      .fn()
      .mockRejectedValue(conflict('UNKNOWN_REFERENCE', 'skills.1.code', 'No skill has the code "stitching".'));
    await renderUserForm(onSave, 'th');
    await user.type(screen.getByLabelText('ชื่อผู้ใช้'), 'anan');
    await user.type(screen.getByLabelText('ชื่อ'), 'Anan');
    await user.click(screen.getByRole('button', { name: 'เพิ่มทักษะ' }));
    await user.click(screen.getByRole('button', { name: 'เพิ่มทักษะ' }));
    const [, second] = screen.getAllByLabelText('ทักษะ', { selector: 'select' });
    await user.selectOptions(second as HTMLElement, 'stitching');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(second).toHaveAccessibleDescription('ไม่พบรายการนี้ กรุณาเลือกจากรายการ'));
    const [first] = screen.getAllByLabelText('ทักษะ', { selector: 'select' });
    expect(first).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a refusal about no single field above the buttons', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockRejectedValue(conflict('LAST_ADMIN', null, 'admin is the last active admin.'));
    await renderUserForm(onSave);
    await user.type(screen.getByLabelText('Username'), 'x');
    await user.type(screen.getByLabelText('Name'), 'X');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is the last active admin: make someone else admin first.',
    );
  });

  it('checks the shared rules before sending anything', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockResolvedValue(undefined);
    await renderUserForm(onSave);
    await user.type(screen.getByLabelText('Username'), 'has space');
    await user.type(screen.getByLabelText('Name'), 'Someone');
    await user.type(screen.getByLabelText('Station PIN'), '12');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByLabelText('Station PIN')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it("says what to fix in the user's language, not the shared schema's English", async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockResolvedValue(undefined);
    await renderUserForm(onSave, 'th');
    await user.type(screen.getByLabelText('ชื่อผู้ใช้'), 'somchai');
    await user.type(screen.getByLabelText('ชื่อ'), 'Somchai');
    await user.type(screen.getByLabelText('PIN สถานีงาน'), '12');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByLabelText('PIN สถานีงาน')).toHaveAccessibleDescription(/ใช้ตัวเลข 4–8 หลัก/));
    expect(onSave).not.toHaveBeenCalled();
  });
});
