/**
 * The rubric editor's fields: each reads its value from the draft by path and
 * writes it back through the store, and shows the model's problems at that
 * path under itself, so a problem appears where it is typed.
 */
import { Badge, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/i18n-text.ts';
import { getIn, type Path } from '../../../shared/rubric/edit.ts';
import type { Source } from '../../../shared/rubric/model.ts';
import { useLocale } from '../../i18n/index.ts';
import { useRubricStore } from '../../state/rubric.ts';

const key = (path: Path): string => path.join('.');

/** The draft's value at a path; re-renders only when that value changes (drafts share unchanged parts). */
export function useAt<T>(path: Path): T | undefined {
  return useRubricStore((s) => getIn(s.draft, path)) as T | undefined;
}

/** The problems at exactly this path, or under it (`within`), in the interface language. */
export function useProblems(path: Path, within = false): string | null {
  const locale = useLocale();
  const at = key(path);
  const messages = useRubricStore((s) =>
    s.check && !s.check.ok
      ? s.check.problems
          .filter((p) => {
            const k = key(p.path);
            return k === at || (within && k.startsWith(`${at}.`));
          })
          .map((p) => p.message[locale])
          .join('；')
      : '',
  );
  return messages || null;
}

/** The default mark, as the review screen shows it. */
export function DefaultMark(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" title={t('review.defaultMarkHint')} data-testid="editor-default-mark" component="span">
      {t('review.defaultMark')}
    </Text>
  );
}

/** A text in both languages, or marked Chinese only. */
export function TextPair({
  path,
  label,
  optional,
  multiline,
  testId,
}: {
  path: Path;
  label: string;
  optional?: boolean;
  multiline?: boolean;
  testId?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const value = useAt<LocalizedText>(path);
  const set = useRubricStore((s) => s.set);
  const zhError = useProblems([...path, 'zh-CN']);
  const enError = useProblems([...path, 'en']);
  const whole = useProblems(path);
  const zh = value?.['zh-CN'] ?? '';
  const zhOnly = value !== undefined && 'zhOnly' in value;
  const en = value && 'en' in value ? value.en : '';
  const write = (next: LocalizedText): void => {
    const empty = next['zh-CN'] === '' && (!('en' in next) || next.en === '');
    set(path, optional && empty ? undefined : next);
  };
  const Input = multiline ? Textarea : TextInput;
  const inputProps = multiline ? { autosize: true, minRows: 2, maxRows: 8 } : {};
  return (
    <Stack gap={4} data-testid={testId}>
      <Group grow align="flex-start" gap="sm">
        <Input
          label={`${t('rubric.inChinese', { label })}${optional ? t('rubric.optional') : ''}`}
          value={zh}
          onChange={(e) => write(zhOnly ? { 'zh-CN': e.currentTarget.value, zhOnly: true } : { 'zh-CN': e.currentTarget.value, en })}
          error={zhError ?? whole}
          data-testid={testId ? `${testId}-zh` : undefined}
          {...inputProps}
        />
        <Input
          label={t('rubric.english')}
          value={en}
          disabled={zhOnly}
          placeholder={zhOnly ? t('rubric.zhOnlyPlaceholder') : undefined}
          onChange={(e) => write({ 'zh-CN': zh, en: e.currentTarget.value })}
          error={enError}
          data-testid={testId ? `${testId}-en` : undefined}
          {...inputProps}
        />
      </Group>
      <Checkbox
        size="xs"
        label={t('rubric.zhOnly')}
        checked={zhOnly}
        onChange={(e) => write(e.currentTarget.checked ? { 'zh-CN': zh, zhOnly: true } : { 'zh-CN': zh, en: '' })}
        data-testid={testId ? `${testId}-zhonly` : undefined}
      />
    </Stack>
  );
}

/** A number; empty is NaN (flagged by the check) or, when optional, absent. */
export function NumberField({
  path,
  label,
  optional,
  isDefault,
  testId,
  min,
}: {
  path: Path;
  label: string;
  optional?: boolean;
  isDefault?: boolean;
  testId?: string;
  min?: number;
}): React.JSX.Element {
  const { t } = useTranslation();
  const value = useAt<number>(path);
  const set = useRubricStore((s) => s.set);
  const error = useProblems(path);
  return (
    <NumberInput
      label={`${label}${optional ? t('rubric.optional') : ''}`}
      value={value === undefined || Number.isNaN(value) ? '' : value}
      onChange={(v) => {
        if (v === '') return set(path, optional ? undefined : Number.NaN);
        const n = typeof v === 'number' ? v : Number(v);
        if (Number.isFinite(n)) set(path, n);
      }}
      min={min}
      error={error}
      description={isDefault && value !== undefined ? <DefaultMark /> : undefined}
      data-testid={testId}
      w={150}
    />
  );
}

/** An id: ASCII, unique; the check says when it is not. */
export function IdField({ path, testId }: { path: Path; testId?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const value = useAt<string>(path);
  const set = useRubricStore((s) => s.set);
  const error = useProblems(path);
  return (
    <TextInput
      label={t('rubric.id')}
      value={value ?? ''}
      onChange={(e) => set(path, e.currentTarget.value)}
      error={error}
      w={180}
      data-testid={testId}
    />
  );
}

/** The element's `default: true` mark, and where its text comes from; the check asks for one or the other. */
export function Provenance({ path }: { path: Path }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const isDefault = useAt<boolean>([...path, 'default']) === true;
  const source = useAt<Source>([...path, 'source']);
  const set = useRubricStore((s) => s.set);
  const error = useProblems(path);
  return (
    <Paper withBorder p="xs" radius="sm" bg={error ? 'red.0' : 'gray.0'}>
      <Stack gap={4}>
        <Checkbox
          size="xs"
          label={t('rubric.markDefault')}
          checked={isDefault}
          onChange={(e) => set([...path, 'default'], e.currentTarget.checked ? true : undefined)}
          data-testid="provenance-default"
        />
        {source ? (
          <Text size="xs" c="dimmed">
            <Badge size="xs" variant="light" mr={6} style={{ textTransform: 'none' }}>
              {t('rubric.source')}
            </Badge>
            {source.document}：“{source.quote.length > 160 ? `${source.quote.slice(0, 160)}…` : source.quote}”
            {source.note ? ` (${locale === 'en' && 'en' in source.note ? source.note.en : source.note['zh-CN']})` : ''}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {t('rubric.noSource')}
          </Text>
        )}
        {error && (
          <Text size="xs" c="red.8">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
