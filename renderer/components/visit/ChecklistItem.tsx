/**
 * One site-visit checklist item (考察要点): 符合 / 不符合 / 不适用 and its note. 不符合 needs the note;
 * the note is saved as it is typed (when the writer pauses, leaves the field or the page).
 */
import { Badge, Button, Group, Kbd, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitState } from '../../../shared/ipc/contract.ts';
import { pick } from '../../../shared/i18n-text.ts';
import type { ItemResult } from '../../../shared/visit/model.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSavedDraft } from '../../lib/draft.ts';

export const RESULTS: readonly ItemResult[] = ['meets', 'fails', 'na'];
const COLOR: Record<ItemResult, string> = { meets: 'green', fails: 'red', na: 'gray' };

export interface ChecklistItemHandle {
  set(result: ItemResult | null): void;
  focusNote(): void;
  scrollIntoView(): void;
}

type Item = VisitState['checklist'][number];
type Answer = NonNullable<VisitState['visit']>['items'][number] | undefined;

export const ChecklistItem = forwardRef<
  ChecklistItemHandle,
  {
    item: Item;
    index: number;
    answer: Answer;
    current: boolean;
    photoCount: number;
    onFocus: () => void;
    onSave: (result: ItemResult | null, note: string) => void;
    onDirty: () => void;
  }
>(function ChecklistItem({ item, index, answer, current, photoCount, onFocus, onSave, onDirty }, ref) {
  const { t } = useTranslation();
  const locale = useLocale();
  const result = answer?.result ?? null;
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  // A note without a result is kept on screen and saved with the result once one is chosen.
  const note = useSavedDraft(
    answer?.note ?? '',
    (text) => {
      if (result) onSave(result, text);
    },
    onDirty,
  );
  const set = (r: ItemResult | null): void => {
    onSave(r, note.draft);
    if (r === 'fails' && !note.draft.trim()) setTimeout(() => noteRef.current?.focus(), 0);
  };
  useImperativeHandle(ref, () => ({
    set,
    focusNote: () => noteRef.current?.focus(),
    scrollIntoView: () => boxRef.current?.scrollIntoView({ block: 'nearest' }),
  }));
  const missingNote = result === 'fails' && !note.draft.trim();

  return (
    <Paper
      ref={boxRef}
      withBorder
      p="sm"
      radius="md"
      data-testid={`item-${item.id}`}
      data-result={result ?? ''}
      data-current={current || undefined}
      onFocusCapture={onFocus}
      onClick={onFocus}
      style={{
        borderColor: current ? 'var(--mantine-color-blue-5)' : missingNote ? 'var(--mantine-color-red-5)' : undefined,
        boxShadow: current ? '0 0 0 1px var(--mantine-color-blue-5)' : undefined,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Badge variant="light" style={{ flex: 'none' }}>
                {item.id}
              </Badge>
              <Text fw={600} size="sm">
                {pick(item.title, locale)}
              </Text>
            </Group>
            {pick(item.guidance, locale) && (
              <Text size="xs" c="dimmed" mt={4}>
                {pick(item.guidance, locale)}
              </Text>
            )}
          </div>
          {photoCount > 0 && (
            <Badge variant="outline" color="gray" leftSection={<IconPhoto size={12} />} style={{ flex: 'none' }}>
              {t('visit.item.photos', { count: photoCount })}
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="wrap">
          {RESULTS.map((r, i) => (
            <Button
              key={r}
              size="compact-sm"
              variant={result === r ? 'filled' : 'default'}
              color={COLOR[r]}
              aria-pressed={result === r}
              data-testid={`item-${item.id}-${r}`}
              onClick={() => set(result === r ? null : r)}
              rightSection={current ? <Kbd size="xs">{i + 1}</Kbd> : undefined}
            >
              {t(`visit.result.${r}`)}
            </Button>
          ))}
        </Group>
        <Textarea
          ref={noteRef}
          size="xs"
          autosize
          minRows={1}
          maxRows={6}
          maxLength={4000}
          aria-label={t('visit.item.noteLabel', { id: item.id, index: index + 1 })}
          placeholder={
            result ? t(result === 'fails' ? 'visit.item.notePlaceholderFails' : 'visit.item.notePlaceholder') : t('visit.item.noteFirst')
          }
          value={note.draft}
          onChange={(e) => note.change(e.currentTarget.value)}
          onBlur={note.flush}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          error={missingNote ? t('visit.item.noteRequired') : undefined}
          data-testid={`item-${item.id}-note`}
        />
      </Stack>
    </Paper>
  );
});
