import { describe, expect, it } from 'vitest';
import { expandWindow } from './samples.js';

describe('expandWindow', () => {
  it('puts the step where Sloth writes {{.window}}', () => {
    const q = 'sum(rate(x[{{.window}}])) / sum(rate(y[{{ .window }}]))';
    expect(expandWindow(q, 60)).toBe('sum(rate(x[1m])) / sum(rate(y[1m]))');
    expect(expandWindow(q, 5)).toBe('sum(rate(x[5s])) / sum(rate(y[5s]))');
    expect(expandWindow('rate(x[{{.window}}])', 0.5)).toBe('rate(x[500ms])');
  });

  it('leaves a query without the placeholder as written', () => {
    expect(expandWindow('sum(rate(x[1m]))', 60)).toBe('sum(rate(x[1m]))');
  });
});
