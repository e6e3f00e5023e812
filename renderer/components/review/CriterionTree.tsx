/** The rubric as a tree: gates first, then dimensions and their criteria, each with its status. */
import { Box, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconCircle, IconCircleCheckFilled, IconCircleXFilled, IconMessageExclamation } from '@tabler/icons-react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionState, ReviewState } from '../../../shared/ipc/contract.ts';
import { pick } from '../../../shared/i18n-text.ts';
import type { Criterion, Rubric } from '../../../shared/rubric/model.ts';
import { useLocale } from '../../i18n/index.ts';
import { type Step, type StepStatus, stepStatus } from '../../lib/criteria.ts';
import { formatScore } from '../../lib/format.ts';

function StatusIcon({ status }: { status: StepStatus }): React.JSX.Element {
  const { t } = useTranslation();
  const label = t(`status.${status}`);
  switch (status) {
    case 'empty':
      return <IconCircle size={16} color="var(--mantine-color-gray-5)" aria-label={label} />;
    case 'done':
      return <IconCircleCheckFilled size={16} color="var(--mantine-color-green-7)" aria-label={label} />;
    case 'needsComment':
      return <IconMessageExclamation size={16} color="var(--mantine-color-orange-7)" aria-label={label} />;
    case 'failedGate':
      return <IconCircleXFilled size={16} color="var(--mantine-color-red-7)" aria-label={label} />;
    case 'belowThreshold':
      return <IconAlertCircle size={16} color="var(--mantine-color-yellow-8)" aria-label={label} />;
  }
}

/**
 * Memoised, like each of its items: moving to the next criterion re-renders
 * the two items whose `active` changed, not the whole tree.
 */
export const CriterionTree = memo(function CriterionTree({
  rubric,
  steps,
  review,
  current,
  onSelect,
}: {
  rubric: Rubric;
  steps: Step[];
  review: ReviewState | undefined;
  current: string;
  onSelect: (id: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const box = useRef<HTMLDivElement>(null);
  // Keep the current criterion in view when moving with the keyboard.
  useEffect(() => {
    box.current?.querySelector('[data-active="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const groups = useMemo(() => {
    const out: { id: string; title: string; steps: Step[] }[] = [];
    if (rubric.gates.length) out.push({ id: 'gates', title: t('review.gates'), steps: steps.filter((s) => !s.dimension) });
    for (const d of rubric.dimensions)
      out.push({ id: d.id, title: `${d.id} ${pick(d.title, locale)}`, steps: steps.filter((s) => s.dimension?.id === d.id) });
    return out;
  }, [rubric, steps, t, locale]);
  return (
    <ScrollArea h="100%" type="auto" component="nav" aria-label={t('review.criteria')}>
      <Box py={6} data-testid="criterion-tree" ref={box}>
        {groups.map((g) => (
          <Box key={g.id} mb={6}>
            <Text size="xs" fw={700} c="dimmed" px="sm" py={4} lineClamp={2}>
              {g.title}
            </Text>
            {g.steps.map((s) => (
              <TreeItem
                key={s.criterion.id}
                criterion={s.criterion}
                state={review?.criteria[s.criterion.id]}
                active={s.criterion.id === current}
                onSelect={onSelect}
              />
            ))}
          </Box>
        ))}
      </Box>
    </ScrollArea>
  );
});

const TreeItem = memo(function TreeItem({
  criterion: c,
  state,
  active,
  onSelect,
}: {
  criterion: Criterion;
  state: CriterionState | undefined;
  active: boolean;
  onSelect: (id: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = stepStatus(c, state);
  return (
    <UnstyledButton
      className="rd-tree-item"
      data-active={active}
      data-status={status}
      data-testid={`criterion-${c.id}`}
      aria-current={active ? 'step' : undefined}
      onClick={() => onSelect(c.id)}
      w="100%"
      px="sm"
      py={5}
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        <Box pt={2} style={{ flex: 'none' }}>
          <StatusIcon status={status} />
        </Box>
        <Text size="sm" style={{ flex: 1, minWidth: 0 }} fw={active ? 600 : 400} lineClamp={2}>
          <Text span c="dimmed" size="xs" mr={4}>
            {c.id}
          </Text>
          {pick(c.title, locale)}
        </Text>
        <Text size="xs" c={status === 'empty' ? 'dimmed' : undefined} fw={600} style={{ flex: 'none' }}>
          {c.scale.kind === 'gate'
            ? state?.score === 1
              ? t('gate.passShort')
              : state?.score === 0
                ? t('gate.failShort')
                : '—'
            : formatScore(state?.score)}
        </Text>
      </Group>
    </UnstyledButton>
  );
});
