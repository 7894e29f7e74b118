import { describe, expect, it } from 'vitest';
import { inboundAction, inboundReply, phoneKey } from './inbound-keyword.ts';

describe('inboundAction', () => {
  it.each([
    ['STOP', 'opt-out'],
    ['stopall', 'opt-out'],
    ['Unsubscribe', 'opt-out'],
    ['cancel', 'opt-out'],
    ['END', 'opt-out'],
    ['quit', 'opt-out'],
    ['start', 'opt-in'],
    ['Yes', 'opt-in'],
    ['UNSTOP', 'opt-in'],
    ['help', 'help'],
    ['INFO', 'help'],
  ] as const)('%s as the whole message is %s', (text, action) => {
    expect(inboundAction(text)).toBe(action);
  });

  it('ignores white space around the keyword, as phones add it', () => {
    expect(inboundAction('  Stop\n')).toBe('opt-out');
  });

  it.each([
    ['STOP.', 'opt-out'],
    ['Stop!', 'opt-out'],
    ['¡STOP!', 'opt-out'],
    ['"unsubscribe"', 'opt-out'],
    [' Quit!!\n', 'opt-out'],
    ['STOP。', 'opt-out'],
    ['Start.', 'opt-in'],
    ['help?', 'help'],
  ] as const)('%j: punctuation around one keyword still counts (%s)', (text, action) => {
    expect(inboundAction(text)).toBe(action);
  });

  it.each(['stop it', 'STOP, thanks', 'please stop', 'S TOP', 'ST.OP', 'starting', '', '!', 'ok'])(
    '%j is not a keyword: action none',
    (text) => {
      expect(inboundAction(text)).toBe('none');
    },
  );

  it('replies to every keyword, never to other texts', () => {
    expect(inboundReply('opt-out')).toMatch(/START/);
    expect(inboundReply('opt-in')).toMatch(/STOP/);
    expect(inboundReply('help')).toMatch(/STOP.*START/);
    expect(inboundReply('none')).toBeNull();
  });
});

describe('phoneKey', () => {
  it('keeps only + and digits', () => {
    expect(phoneKey('+91 98765-43210')).toBe('+919876543210');
    expect(phoneKey('(+44) 20 7946 0958')).toBe('+442079460958');
    expect(phoneKey('abc')).toBe('');
  });
});
