// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NumberField, SelectField, TextField } from '../../../src/ui/inspector/fields';

afterEach(cleanup);

function errorOf(input: HTMLElement): HTMLElement {
  const id = input.getAttribute('aria-describedby');
  expect(id, 'the input points at its error message').toBeTruthy();
  const el = document.getElementById(id!);
  expect(el).not.toBeNull();
  return el!;
}

describe('NumberField', () => {
  it('shows why text is not a number, at the field, and commits nothing', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn(() => undefined);
    render(<NumberField label="Staff" value={2} onCommit={onCommit} />);
    const input = screen.getByLabelText('Staff');
    await user.clear(input);
    await user.type(input, 'abc');
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(input)).toHaveTextContent('"abc" is not a number.');
  });

  it('reads thousands separators: "1,000" commits a thousand, never 1 (issue 17)', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn((_: number) => undefined);
    render(<NumberField label="Arrivals" value={5} onCommit={onCommit} />);
    const input = screen.getByLabelText('Arrivals');
    for (const [typed, committed] of [
      ['1,000', 1000],
      ['1 000', 1000],
      ['10,000.5', 10000.5],
    ] as const) {
      await user.clear(input);
      await user.type(input, `${typed}{Enter}`);
      expect(onCommit).toHaveBeenLastCalledWith(committed);
    }
    await user.clear(input);
    await user.type(input, '1,00,0{Enter}');
    expect(onCommit).toHaveBeenCalledTimes(3);
    expect(errorOf(input)).toHaveTextContent('"1,00,0" is not a number we can read');
  });

  it('refuses an empty field and a fraction where a whole number is needed', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn(() => undefined);
    render(<NumberField label="Staff" value={2} integer onCommit={onCommit} />);
    const input = screen.getByLabelText('Staff');
    await user.clear(input);
    await user.tab();
    expect(errorOf(input)).toHaveTextContent('Enter a number.');
    await user.type(input, '2.5{Enter}');
    expect(errorOf(input)).toHaveTextContent('Enter a whole number.');
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('commits a valid number on Enter and on leaving the field, and clears the error', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn((_: number) => undefined);
    render(<NumberField label="Mean" unit="min" value={20} onCommit={onCommit} />);
    const input = screen.getByLabelText('Mean');
    await user.clear(input);
    await user.type(input, 'x{Enter}');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.clear(input);
    await user.type(input, '12,5{Enter}');
    expect(onCommit).toHaveBeenLastCalledWith(12.5);
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).not.toHaveAttribute('aria-describedby');
    expect(screen.queryByRole('alert')).toBeNull();
    // The unit is shown after the input.
    expect(screen.getByText('min')).toBeInTheDocument();
  });

  it('shows the owner’s reason when the owner refuses the value', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn((v: number) => (v <= 0 ? 'must be greater than 0' : undefined));
    render(<NumberField label="Mean" value={20} onCommit={onCommit} />);
    const input = screen.getByLabelText('Mean');
    await user.clear(input);
    await user.type(input, '-3');
    await user.tab();
    expect(onCommit).toHaveBeenCalledWith(-3);
    expect(errorOf(input)).toHaveTextContent('must be greater than 0');
  });

  it('does not commit an unchanged value, and Escape puts the committed value back', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn(() => undefined);
    render(<NumberField label="Mean" value={20} onCommit={onCommit} />);
    const input = screen.getByLabelText('Mean');
    await user.click(input);
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
    await user.clear(input);
    await user.type(input, '33{Escape}');
    expect(input).toHaveValue('20');
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('takes a percentage and commits a share between 0 and 1', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn((_: number) => undefined);
    render(<NumberField label="Share" value={0.25} percent onCommit={onCommit} />);
    const input = screen.getByLabelText('Share');
    expect(input).toHaveValue('25');
    expect(screen.getByText('%')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '40{Enter}');
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit.mock.calls[0]![0]).toBeCloseTo(0.4, 12);
  });

  it('follows a new value from outside (undo, another field)', () => {
    const { rerender } = render(<NumberField label="Mean" value={20} onCommit={() => undefined} />);
    rerender(<NumberField label="Mean" value={7} onCommit={() => undefined} />);
    expect(screen.getByLabelText('Mean')).toHaveValue('7');
  });
});

describe('TextField', () => {
  it('shows the refusal at the field and commits a changed valid text', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn((v: string) => (v.trim() === '' ? 'must not be empty' : undefined));
    render(<TextField label="Name" value="Check documents" onCommit={onCommit} />);
    const input = screen.getByLabelText('Name');
    await user.clear(input);
    await user.tab();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(input)).toHaveTextContent('must not be empty');
    await user.type(input, 'Approve{Enter}');
    expect(onCommit).toHaveBeenLastCalledWith('Approve');
    expect(input).not.toHaveAttribute('aria-invalid');
  });
});

describe('SelectField', () => {
  it('commits the chosen option and shows a refusal at the field', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn((v: string) => (v === 'bad' ? 'not allowed here' : undefined));
    render(
      <SelectField
        label="Queue"
        value="fifo"
        options={[
          { value: 'fifo', label: 'first come, first served' },
          { value: 'priority', label: 'by class priority' },
          { value: 'bad', label: 'bad' },
        ]}
        onCommit={onCommit}
      />,
    );
    const select = screen.getByLabelText('Queue');
    await user.selectOptions(select, 'priority');
    expect(onCommit).toHaveBeenLastCalledWith('priority');
    await user.selectOptions(select, 'bad');
    expect(screen.getByRole('alert')).toHaveTextContent('not allowed here');
  });
});
