/**
 * The draft as the expert will see it: the review screen's own criterion
 * tree, criterion heading, score control and comment box, on scores kept
 * only here (nothing is saved), with the running total and grade computed by
 * the same shared function the review screen uses.
 */
import { Alert, Badge, Box, Button, Divider, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionState, ReviewState } from '../../../shared/ipc/contract.ts';
import { pick } from '../../../shared/i18n-text.ts';
import { runningTotal } from '../../../shared/review/total.ts';
import type { Rubric } from '../../../shared/rubric/model.ts';
import { useLocale } from '../../i18n/index.ts';
import { type Steps, stepStatus, walk } from '../../lib/criteria.ts';
import { formatTotal } from '../../lib/format.ts';
import { useRubricStore } from '../../state/rubric.ts';
import { CommentBox } from '../review/CommentBox.tsx';
import { CriterionHeading } from '../review/CriterionHeading.tsx';
import { CriterionTree } from '../review/CriterionTree.tsx';
import { ScaleControl } from '../review/ScaleControl.tsx';

const NOW = new Date(0).toISOString();

function stepsOf(r: Rubric): Steps | null {
  try {
    return walk(r);
  } catch {
    return null;
  }
}

export function RubricPreview(): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const draft = useRubricStore((s) => s.draft);
  const ok = useRubricStore((s) => s.check?.ok ?? false);
  const [entries, setEntries] = useState<Record<string, CriterionState>>({});
  const [current, setCurrent] = useState<string | null>(null);
  const steps = useMemo(() => (draft ? stepsOf(draft) : null), [draft]);
  const review: ReviewState = useMemo(
    () => ({
      packageId: 'preview',
      applicationId: 'preview',
      conflict: null,
      criteria: entries,
      opinion: '',
      recommendation: null,
      additionalRecommendations: [],
      updatedAt: null,
    }),
    [entries],
  );
  if (!draft || !steps) return null;
  const step = steps.find((s) => s.criterion.id === current) ?? steps[0];
  const criterion = step.criterion;
  const index = steps.indexOf(step);
  const state = entries[criterion.id];
  const total = runningTotal(draft, entries);
  const put = (patch: Partial<CriterionState>): void =>
    setEntries((e) => ({
      ...e,
      [criterion.id]: { score: null, comment: '', evidence: [], updatedAt: NOW, ...e[criterion.id], ...patch },
    }));
  const move = (delta: number): void =>
    setCurrent((steps[Math.max(0, Math.min(steps.length - 1, index + delta))] ?? steps[0]).criterion.id);

  return (
    <Stack gap="sm" data-testid="rubric-preview">
      {!ok && (
        <Alert color="yellow" py={6}>
          {t('rubric.previewInvalid')}
        </Alert>
      )}
      <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
        <Group justify="space-between" px="md" py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Text fw={600}>{pick(draft.title, locale)}</Text>
          <Group gap="md">
            <Text size="sm" c="dimmed">
              {t('review.totalLabel', { scored: total.scored, of: total.of })}
            </Text>
            <Text fw={700} data-testid="preview-total">
              {formatTotal(total.total)} / {draft.totalPoints}
            </Text>
            <Badge variant={total.complete ? 'filled' : 'light'} style={{ textTransform: 'none' }}>
              {total.complete ? t('review.grade') : t('review.gradeProvisional')}：
              {total.complete && total.grade ? pick(total.grade.label, locale) : '—'}
            </Badge>
          </Group>
        </Group>
        <Box style={{ display: 'flex', height: 620 }}>
          <Box w={260} style={{ flex: 'none', borderRight: '1px solid var(--mantine-color-gray-3)', background: 'white' }}>
            <CriterionTree rubric={draft} steps={steps} review={review} current={criterion.id} onSelect={setCurrent} />
          </Box>
          <ScrollArea style={{ flex: 1, minWidth: 0 }} type="auto">
            <Stack p="md" gap="md" maw={820} mx="auto" data-testid="criterion-panel" data-criterion={criterion.id}>
              <CriterionHeading
                criterion={criterion}
                dimension={step.dimension}
                index={index}
                count={steps.length}
                status={stepStatus(criterion, state)}
              />
              <ScaleControl criterion={criterion} value={state?.score ?? null} typing={null} onChange={(v) => put({ score: v })} />
              <CommentBox
                key={criterion.id}
                criterion={criterion}
                score={state?.score ?? null}
                value={state?.comment ?? ''}
                onDirty={() => undefined}
                onSave={(text) => put({ comment: text })}
              />
              {criterion.evidenceHint && (
                <Text size="sm" c="dimmed">
                  {t('evidence.hint', { hint: pick(criterion.evidenceHint, locale) })}
                </Text>
              )}
              <Divider />
              <Group justify="space-between">
                <Button variant="default" leftSection={<IconChevronLeft size={16} />} onClick={() => move(-1)} disabled={index === 0}>
                  {t('review.prev')}
                </Button>
                <Button rightSection={<IconChevronRight size={16} />} onClick={() => move(1)} disabled={index === steps.length - 1}>
                  {t('review.next')}
                </Button>
              </Group>
            </Stack>
          </ScrollArea>
        </Box>
      </Paper>
    </Stack>
  );
}
