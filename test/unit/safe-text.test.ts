/** Text from a file on its way to a terminal or a one-line message. */
import { CardPerson } from '../../shared/card.ts';
import { createIdentity } from '../../electron/keys/identity.ts';
import { describe, expect, it } from 'vitest';
import { ReviewDeskError, errorMessage, fromFileSystemError } from '../../shared/errors.ts';
import { dispatch } from '../../electron/handlers/registry.ts';
import { findLoneSurrogate, isSafeLine, safeJsonText, safeLine, safeLines } from '../../shared/safe-text.ts';

describe('safe text', () => {
  it('escapes C0, DEL, C1, bidi controls, line separators and lone surrogates visibly, and keeps ordinary text', () => {
    expect(safeLine('a\x1b]0;evil\x07\nb')).toBe('a\\u001b]0;evil\\u0007\\u000ab');
    expect(safeLine('\t\r\x7f\x9b\u202e\u2066\u2028\u2029\ufeff')).toBe('\\u0009\\u000d\\u007f\\u009b\\u202e\\u2066\\u2028\\u2029\\ufeff');
    expect(safeLine('x\ud800y\udc00')).toBe('x\\ud800y\\udc00');
    expect(safeLine('评审台 «Ünïcödé» 😀 "quoted" \\ back')).toBe('评审台 «Ünïcödé» 😀 "quoted" \\ back');
    expect(isSafeLine('评审台 😀')).toBe(true);
    expect(isSafeLine('a\nb')).toBe(false);
    expect(safeLines('one\x1b[2J\ntwo')).toBe('one\\u001b[2J\ntwo');
  });

  it('leaves JSON text the same value but with nothing a terminal acts on', () => {
    const value = { name: 'a\x1b\x9b\u202e\u2028b' };
    const text = safeJsonText(JSON.stringify(value));
    expect(JSON.parse(text)).toEqual(value);
    expect(isSafeLine(text)).toBe(true);
  });

  it('every message is one safe line whatever its parameters hold', () => {
    const err = new ReviewDeskError('E_ZIP_PATH', { path: 'evil\x1b]0;owned\x07\nerror E_NONE: ok' });
    for (const m of [err.message, err.localized('zh-CN'), errorMessage('E_IO', { path: '\u202ecod.exe', reason: 'x\ny' }, 'en')]) {
      expect(isSafeLine(m), m).toBe(true);
    }
    expect(err.message).toContain('evil\\u001b]0;owned\\u0007\\u000aerror E_NONE: ok');
    // The parameters themselves stay as they were, for --json and the UI to use.
    expect(err.params.path).toContain('\x1b');
  });

  it('finds a lone surrogate anywhere in a parsed value, keys included, and not in a pair', () => {
    expect(findLoneSurrogate({ a: [{ b: 'ok 😀' }, { c: 'x\ud800' }] })).toBe('a.1.c');
    expect(findLoneSurrogate({ ['k\udc00']: 1 })).toBe('k\udc00');
    expect(findLoneSurrogate({ a: '😀', b: new Uint8Array([0xd8]) })).toBeNull();
    expect(findLoneSurrogate('\udfff')).toBe('(root)');
  });
});

describe('refusals that are not internal errors', () => {
  const table = (fn: () => unknown): never => ({ 'identity:unlock': fn }) as never;

  it('a handler input holding a lone surrogate is refused where it comes in', async () => {
    let ran = false;
    const env = await dispatch(
      table(() => (ran = true)),
      'identity:unlock',
      { passphrase: 'abc\ud800' },
      {},
    );
    expect(env).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
    expect(ran).toBe(false);
  });

  it('a file system error a person can act on is a specific code naming the path; a full disk is E_DISK_FULL', async () => {
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: '/x/\x1by' });
    const env = await dispatch(
      table(() => Promise.reject(enoent)),
      'identity:unlock',
      { passphrase: 'p' },
      {},
    );
    expect(env).toMatchObject({ ok: false, error: { code: 'E_FILE_SYSTEM', params: { errno: 'ENOENT' } } });
    expect(!env.ok && env.error.message.en).toBe('A file operation failed: "/x/\\u001by" does not exist (ENOENT).');
    expect(fromFileSystemError(Object.assign(new Error(), { code: 'ENOSPC' }))?.code).toBe('E_DISK_FULL');
    expect(fromFileSystemError(Object.assign(new Error(), { code: 'EMFILE' }))).toBeNull();
  });
});

describe('the text a person types for a new card', () => {
  it('is one line: control characters, line separators and direction overrides are refused; ordinary names pass', () => {
    const person = (displayName: string) => CardPerson.safeParse({ displayName, organisation: '某大学', fields: ['集成电路'] }).success;
    for (const ok of ['张三', 'Zhang San (PhD)', '欧阳·娜娜', 'Ōtsuka Ái']) expect(person(ok), ok).toBe(true);
    for (const bad of ['a\x1b]0;x\x07', 'a\nOK', 'a\u2028b', 'gnp.\u202Eexe', 'a\u2066b', 'a\x9b31m', 'a\x7f'])
      expect(person(bad), JSON.stringify(bad)).toBe(false);
    expect(CardPerson.safeParse({ displayName: '张三', organisation: 'x\ty', fields: [] }).success).toBe(false);
    expect(CardPerson.safeParse({ displayName: '张三', organisation: '', fields: ['集成\r电路'] }).success).toBe(false);
  });

  it('is refused before any key is made with its own code and a message in both languages', async () => {
    const e = await createIdentity({ role: 'expert', displayName: '张三\u202E', organisation: '某大学' }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ReviewDeskError);
    expect((e as ReviewDeskError).code).toBe('E_CARD_TEXT');
    expect(errorMessage('E_CARD_TEXT', {}, 'zh-CN')).toContain('单行文字');
    expect(errorMessage('E_CARD_TEXT', {}, 'en')).toContain('one line of text');
  });
});
