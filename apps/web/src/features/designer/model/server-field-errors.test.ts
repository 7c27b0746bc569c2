import { describe, expect, it } from 'vitest';
import { nodeFieldErrors } from './server-field-errors.ts';

describe('nodeFieldErrors', () => {
  it('maps the JSON paths of a refused save to node keys and fields', () => {
    const errors = nodeFieldErrors(
      [
        { name: '$.nodes[1].config.standardMinutes', message: 'Expected number' },
        { name: '$.nodes[1].name', message: 'Too long' },
        { name: '$.nodes[0].config.skills[0].minLevel', message: 'Too big' },
        { name: '$.edges[0].kind', message: 'Invalid' },
        { name: '$.nodes[9].name', message: 'Out of range' },
      ],
      ['start', 'cut'],
    );
    expect([...errors.keys()]).toEqual(['cut', 'start']);
    expect(Object.fromEntries(errors.get('cut') ?? [])).toEqual({
      standardMinutes: 'Expected number',
      name: 'Too long',
    });
    expect(Object.fromEntries(errors.get('start') ?? [])).toEqual({ skills: 'Too big' });
  });
});
