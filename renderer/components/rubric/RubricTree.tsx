/**
 * The rubric as a tree in the editor: the rubric itself, the eligibility
 * conditions, each criterion group with its criteria and their points, then
 * grades, conclusions and site-visit items. An element with a problem
 * carries a red mark; the add buttons put new elements at the end of a list.
 */
import { ActionIcon, Box, Group, ScrollArea, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertCircleFilled, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/i18n-text.ts';
import { addCriterion, insertAt, newDimension, newGate, pointsSum } from '../../../shared/rubric/edit.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatScore } from '../../lib/format.ts';
import { type Selection, useRubricStore } from '../../state/rubric.ts';

const same = (a: Selection, b: Selection): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function useHasProblem(path: Selection, within: boolean): boolean {
  const at = path.join('.');
  return useRubricStore(
    (s) =>
      !!s.check &&
      !s.check.ok &&
      s.check.problems.some((p) => {
        const k = p.path.join('.');
        return k === at || (within && k.startsWith(`${at}.`));
      }),
  );
}

function Item({
  path,
  label,
  sub,
  depth,
  within = true,
  testId,
}: {
  path: Selection;
  label: string;
  sub?: string;
  depth: number;
  within?: boolean;
  testId: string;
}): React.JSX.Element {
  const selected = useRubricStore((s) => same(s.selected, path));
  const select = useRubricStore((s) => s.select);
  const problem = useHasProblem(path, within);
  return (
    <UnstyledButton
      onClick={() => select(path)}
      data-testid={testId}
      data-active={selected}
      data-problem={problem}
      w="100%"
      py={5}
      pl={8 + depth * 14}
      pr={8}
      style={{
        borderRadius: 4,
        background: selected ? 'var(--mantine-color-blue-0)' : undefined,
        borderLeft: selected ? '3px solid var(--mantine-color-blue-6)' : '3px solid transparent',
      }}
    >
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text size="sm" fw={depth === 0 ? 600 : 400} truncate="end" style={{ minWidth: 0 }}>
          {label}
        </Text>
        <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
          {sub && (
            <Text size="xs" c="dimmed">
              {sub}
            </Text>
          )}
          {problem && <IconAlertCircleFilled size={14} color="var(--mantine-color-red-7)" aria-hidden />}
        </Group>
      </Group>
    </UnstyledButton>
  );
}

function Add({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }): React.JSX.Element {
  return (
    <Tooltip label={label}>
      <ActionIcon size="sm" variant="subtle" onClick={onClick} aria-label={label} data-testid={testId}>
        <IconPlus size={14} />
      </ActionIcon>
    </Tooltip>
  );
}

export function RubricTree(): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const draft = useRubricStore((s) => s.draft);
  const change = useRubricStore((s) => s.change);
  if (!draft) return null;
  const sum = pointsSum(draft);
  return (
    <ScrollArea h="100%" type="auto">
      <Box p={6} data-testid="rubric-tree">
        <Item
          path={[]}
          label={pick(draft.title, locale)}
          sub={t('rubric.sumOfTotal', { sum: formatScore(sum), total: formatScore(draft.totalPoints) })}
          depth={0}
          within={false}
          testId="tree-rubric"
        />
        <Group justify="space-between" pl={8} pr={4} mt={8}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('review.gates')}
          </Text>
          <Add
            label={t('rubric.addGate')}
            testId="add-gate"
            onClick={() => change((r) => insertAt(r, ['gates'], newGate(r)), ['gates', draft.gates.length])}
          />
        </Group>
        {draft.gates.map((g, i) => (
          <Item key={i} path={['gates', i]} label={`${g.id} ${pick(g.title, locale)}`} depth={1} testId={`tree-gate-${g.id}`} />
        ))}
        <Group justify="space-between" pl={8} pr={4} mt={8}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('rubric.dimensions')}
          </Text>
          <Add
            label={t('rubric.addDimension')}
            testId="add-dimension"
            onClick={() => change((r) => insertAt(r, ['dimensions'], newDimension(r)), ['dimensions', draft.dimensions.length])}
          />
        </Group>
        {draft.dimensions.map((d, di) => (
          <Box key={di}>
            <Group gap={0} wrap="nowrap">
              <Box style={{ flex: 1, minWidth: 0 }}>
                <Item
                  path={['dimensions', di]}
                  label={`${d.id} ${pick(d.title, locale)}`}
                  sub={formatScore(d.criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0))}
                  depth={0}
                  within={false}
                  testId={`tree-dimension-${d.id}`}
                />
              </Box>
              <Add
                label={t('rubric.addCriterion')}
                testId={`add-criterion-${d.id}`}
                onClick={() => change((r) => addCriterion(r, di), ['dimensions', di, 'criteria', d.criteria.length])}
              />
            </Group>
            {d.criteria.map((c, ci) => (
              <Item
                key={ci}
                path={['dimensions', di, 'criteria', ci]}
                label={`${c.id} ${pick(c.title, locale)}`}
                sub={Number.isFinite(c.weight) ? formatScore(c.weight) : '?'}
                depth={1}
                testId={`tree-criterion-${c.id}`}
              />
            ))}
          </Box>
        ))}
        <Box mt={8}>
          <Item path={['gradeBands']} label={t('rubric.gradeBands')} depth={0} testId="tree-gradeBands" />
          <Item path={['recommendations']} label={t('rubric.recommendations')} depth={0} testId="tree-recommendations" />
          <Item path={['siteVisit']} label={t('rubric.siteVisit')} depth={0} testId="tree-siteVisit" />
        </Box>
      </Box>
    </ScrollArea>
  );
}
