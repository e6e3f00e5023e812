/**
 * The panel's results: aggregation options, agreement (Kendall's W, ICC),
 * the sortable and filterable results table, and the flags worth the
 * panel's discussion (failed gates with who and why, disagreement, outlying
 * experts).
 */
import {
  Badge,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSearch, IconSelector } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationResult } from '../../../shared/merge/aggregate.ts';
import { pick } from '../../../shared/i18n-text.ts';
import { useLocale } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { useMergeStore } from '../../state/merge.ts';
import { criteriaById, criterionTitle, num } from './labels.ts';

/** Which rubric's applications are shown, when the round has several: each rubric's are ranked on their own. */
const NO_GROUPS: NonNullable<ReturnType<typeof useMergeStore.getState>['results']>['groups'] = [];

function RubricPicker(): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  // A stable empty list: a selector returning a new array on every call would re-render without end.
  const groups = useMergeStore((s) => s.results?.groups ?? NO_GROUPS);
  const current = useMergeStore((s) => s.results?.rubric.id ?? null);
  const setRubric = useMergeStore((s) => s.setRubric);
  if (groups.length < 2 || current === null) return null;
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" mb={4}>
        {t('merge.options.rubric')}
      </Text>
      <SegmentedControl
        size="xs"
        data-testid="merge-rubric"
        value={current}
        onChange={(v) => void setRubric(v)}
        data={groups.map((g) => ({
          value: g.id,
          label: t('merge.options.rubricItem', { title: pick(g.title, locale), n: g.applications }),
        }))}
      />
    </div>
  );
}

export function OptionsBar(): React.JSX.Element {
  const { t } = useTranslation();
  const options = useMergeStore((s) => s.options);
  const setOptions = useMergeStore((s) => s.setOptions);
  const several = useMergeStore((s) => (s.results?.groups.length ?? 0) > 1);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="merge-options">
      <Group gap="lg" align="flex-end" wrap="wrap">
        <RubricPicker />
        <div>
          <Text size="xs" fw={600} c="dimmed" mb={4}>
            {t('merge.options.method')}
          </Text>
          <SegmentedControl
            size="xs"
            data-testid="agg-method"
            value={options.method}
            onChange={(v) => void setOptions({ method: v as typeof options.method })}
            data={[
              { value: 'mean', label: t('merge.options.mean') },
              { value: 'median', label: t('merge.options.median') },
              { value: 'trimmed', label: t('merge.options.trimmed') },
            ]}
          />
        </div>
        {options.method === 'trimmed' && (
          <>
            <NumberInput
              size="xs"
              w={110}
              label={t('merge.options.trimK')}
              min={1}
              max={10}
              value={options.trimK}
              onChange={(v) => typeof v === 'number' && v >= 1 && void setOptions({ trimK: v })}
              data-testid="agg-trim-k"
            />
            <NumberInput
              size="xs"
              w={130}
              label={t('merge.options.minRemaining')}
              min={1}
              max={50}
              value={options.minRemaining}
              onChange={(v) => typeof v === 'number' && v >= 1 && void setOptions({ minRemaining: v })}
              data-testid="agg-min-remaining"
            />
          </>
        )}
        <Tooltip label={t('merge.options.normaliseHint')} multiline w={320}>
          <Switch
            label={t('merge.options.normalise')}
            checked={options.normalise}
            onChange={(e) => void setOptions({ normalise: e.currentTarget.checked })}
            data-testid="agg-normalise"
          />
        </Tooltip>
        <Switch
          label={t('merge.options.includeInProgress')}
          checked={options.includeInProgress}
          onChange={(e) => void setOptions({ includeInProgress: e.currentTarget.checked })}
          data-testid="agg-in-progress"
        />
        {several && (
          <Tooltip label={t('merge.options.combinedHint')} multiline w={320}>
            <Switch
              label={t('merge.options.combined')}
              checked={options.combined}
              onChange={(e) => void setOptions({ combined: e.currentTarget.checked })}
              data-testid="agg-combined"
            />
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}

export function AgreementStats(): React.JSX.Element | null {
  const { t } = useTranslation();
  const result = useMergeStore((s) => s.results?.result ?? null);
  if (!result) return null;
  const { kendallW, icc } = result.agreement;
  const consensus = result.applications.filter((a) => a.consensus).length;
  const flagged = result.applications.filter((a) => a.disagreement.length > 0).length;
  return (
    <SimpleGrid cols={4} spacing="sm">
      <Stat
        label={t('merge.agreement.kendallW')}
        value={kendallW ? kendallW.value.toFixed(3) : '—'}
        sub={
          kendallW
            ? t('merge.agreement.kendallSub', { experts: kendallW.experts, applications: kendallW.applications })
            : t('merge.agreement.none')
        }
        hint={t('merge.agreement.kendallHint')}
        testId="kendall-w"
      />
      <Stat
        label={t('merge.agreement.icc')}
        value={icc ? icc.value.toFixed(3) : '—'}
        sub={icc ? t('merge.agreement.iccSub', { ratings: icc.ratings, applications: icc.applications }) : t('merge.agreement.none')}
        hint={t('merge.agreement.iccHint')}
        testId="icc"
      />
      <Stat label={t('merge.agreement.flagged')} value={String(flagged)} sub={t('merge.agreement.flaggedSub')} testId="flagged-count" />
      <Stat
        label={t('merge.agreement.consensus')}
        value={`${consensus} / ${result.applications.length}`}
        sub={t('merge.agreement.consensusSub')}
        testId="consensus-count"
      />
    </SimpleGrid>
  );
}

function Stat({
  label,
  value,
  sub,
  hint,
  testId,
}: {
  label: string;
  value: string;
  sub: string;
  hint?: string;
  testId: string;
}): React.JSX.Element {
  const body = (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} ff="monospace">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {sub}
      </Text>
    </Paper>
  );
  return hint ? (
    <Tooltip label={hint} multiline w={320} openDelay={300}>
      {body}
    </Tooltip>
  ) : (
    body
  );
}

type SortKey = 'rank' | 'id' | 'total' | 'sd' | 'range' | 'consensus';
type Filter = 'all' | 'passing' | 'flagged' | 'ineligible';

function sortValue(a: ApplicationResult, key: SortKey): number | string {
  switch (key) {
    case 'rank':
      return a.rank ?? Number.POSITIVE_INFINITY;
    case 'id':
      return a.applicationId;
    case 'total':
      return a.total.value ?? Number.NEGATIVE_INFINITY;
    case 'sd':
      return a.total.sd ?? Number.NEGATIVE_INFINITY;
    case 'range':
      return a.total.range ?? Number.NEGATIVE_INFINITY;
    case 'consensus':
      return a.consensus?.score ?? Number.NEGATIVE_INFINITY;
  }
}

export function ResultsTable(): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const results = useMergeStore((s) => s.results);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'rank', desc: false });
  const rows = useMemo(() => {
    if (!results) return [];
    const q = query.trim().toLowerCase();
    const list = results.result.applications.filter((a) => {
      if (filter === 'passing' && a.passes !== true) return false;
      if (filter === 'flagged' && a.disagreement.length === 0 && a.gates.eligibility !== 'pending') return false;
      if (filter === 'ineligible' && a.gates.eligibility !== 'pending' && a.gates.eligibility !== 'ineligible') return false;
      if (!q) return true;
      return [a.applicationId, a.name['zh-CN'], pick(a.name, 'en'), a.organisation['zh-CN'], pick(a.organisation, 'en')].some((s) =>
        s.toLowerCase().includes(q),
      );
    });
    const dir = sort.desc ? -1 : 1;
    return list.sort((x, y) => {
      const a = sortValue(x, sort.key);
      const b = sortValue(y, sort.key);
      return (a < b ? -1 : a > b ? 1 : x.applicationId < y.applicationId ? -1 : 1) * dir;
    });
  }, [results, query, filter, sort]);
  if (!results) return null;
  const rubric = results.rubric;
  const crit = criteriaById(rubric);
  const th = (key: SortKey, label: string, w?: number): React.JSX.Element => {
    const active = sort.key === key;
    const Icon = active ? (sort.desc ? IconChevronDown : IconChevronUp) : IconSelector;
    return (
      <Table.Th w={w}>
        <UnstyledButton
          onClick={() =>
            setSort({ key, desc: active ? !sort.desc : key === 'total' || key === 'sd' || key === 'range' || key === 'consensus' })
          }
          data-testid={`sort-${key}`}
          data-active={active}
          aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
        >
          <Group gap={2} wrap="nowrap">
            <Text size="sm" fw={600}>
              {label}
            </Text>
            <Icon size={14} color="var(--mantine-color-gray-6)" />
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <TextInput
          size="xs"
          w={280}
          leftSection={<IconSearch size={14} />}
          placeholder={t('merge.results.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-testid="results-search"
        />
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data-testid="results-filter"
          data={(['all', 'passing', 'flagged', 'ineligible'] as const).map((f) => ({ value: f, label: t(`merge.results.filter.${f}`) }))}
        />
        <Text size="xs" c="dimmed">
          {t('merge.results.shown', { shown: rows.length, total: results.result.applications.length })}
        </Text>
      </Group>
      <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
        <Table highlightOnHover verticalSpacing={6} data-testid="results-table">
          <Table.Thead>
            <Table.Tr>
              {th('rank', t('merge.results.rank'), 70)}
              {th('id', t('merge.results.application'), 330)}
              {th('total', t('merge.results.total'), 100)}
              <Table.Th w={50}>n</Table.Th>
              {th('sd', t('merge.results.sd'), 80)}
              {th('range', t('merge.results.range'), 80)}
              <Table.Th w={80}>{t('merge.results.grade')}</Table.Th>
              <Table.Th w={120}>{t('merge.results.outcome')}</Table.Th>
              <Table.Th>{t('merge.results.flags')}</Table.Th>
              {th('consensus', t('merge.results.consensus'), 110)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={10}>
                  <Text c="dimmed" size="sm" ta="center" py="md">
                    {t('merge.results.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((a) => (
              <Table.Tr
                key={a.applicationId}
                data-testid={`result-row-${a.applicationId}`}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate({ name: 'mergeApp', applicationId: a.applicationId })}
              >
                <Table.Td fw={700}>{a.rank ?? '—'}</Table.Td>
                <Table.Td miw={330}>
                  <Text size="sm" fw={600} c="blue.8" lineClamp={2}>
                    {a.applicationId} {pick(a.name, locale)}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {pick(a.organisation, locale)}
                  </Text>
                </Table.Td>
                <Table.Td ff="monospace" fw={600} data-testid={`result-total-${a.applicationId}`}>
                  {num(a.total.value)}
                  {a.total.trimFellBack && (
                    <Tooltip label={t('merge.results.trimFellBack')}>
                      <Text span c="orange.7">
                        {' '}
                        *
                      </Text>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td>{a.total.n}</Table.Td>
                <Table.Td ff="monospace">{num(a.total.sd)}</Table.Td>
                <Table.Td ff="monospace">{num(a.total.range)}</Table.Td>
                <Table.Td>{a.grade ? pick(a.grade.label, locale) : '—'}</Table.Td>
                <Table.Td>
                  {a.gates.eligibility === 'pending' && (
                    <Tooltip label={t('merge.results.pendingHint')} multiline w={260}>
                      <Badge color="orange" variant="outline" mb={4} data-testid={`pending-${a.applicationId}`}>
                        {t('merge.results.pending')}
                      </Badge>
                    </Tooltip>
                  )}
                  {!a.gates.eligible ? (
                    <Badge color="red" variant="filled">
                      {t('merge.results.ineligible')}
                    </Badge>
                  ) : a.passes === null ? (
                    <Text size="sm" c="dimmed">
                      {t('merge.results.noTotal')}
                    </Text>
                  ) : (
                    <Badge color={a.passes ? 'green' : 'orange'} variant="light">
                      {t(a.passes ? 'merge.results.passes' : 'merge.results.fails')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="wrap">
                    {a.disagreement.slice(0, 3).map((c) => (
                      <Tooltip key={c} label={criterionTitle(crit, c, locale)}>
                        <Badge size="sm" color="grape" variant="light">
                          {t('merge.results.disagree', { criterion: c })}
                        </Badge>
                      </Tooltip>
                    ))}
                    {a.belowThresholds.slice(0, Math.max(0, 3 - a.disagreement.length)).map((c) => (
                      <Tooltip key={`t-${c}`} label={criterionTitle(crit, c, locale)}>
                        <Badge size="sm" color="orange" variant="outline">
                          {t('merge.results.below', { criterion: c })}
                        </Badge>
                      </Tooltip>
                    ))}
                    {a.disagreement.length + a.belowThresholds.length > 3 && (
                      <Tooltip label={a.belowThresholds.join(', ')}>
                        <Badge size="sm" color="orange" variant="transparent">
                          +{a.disagreement.length + a.belowThresholds.length - 3}
                        </Badge>
                      </Tooltip>
                    )}
                    {a.experts.recused.length > 0 && (
                      <Badge size="sm" color="gray" variant="light">
                        {t('merge.results.recusedCount', { count: a.experts.recused.length })}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ff="monospace">{a.consensus ? num(a.consensus.score) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

/** What the panel should discuss: failed gates (who and why), disagreement, outlying experts. */
export function FlagsPanel(): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const results = useMergeStore((s) => s.results);
  if (!results) return null;
  const { result, rubric } = results;
  const gates = new Map(rubric.gates.map((g) => [g.id, g]));
  const gateTitle = (id: string): string => {
    const g = gates.get(id);
    return g ? pick(g.title, locale) : id;
  };
  const crit = criteriaById(rubric);
  const names = new Map(result.experts.map((e) => [e.expertId, e.displayName]));
  const gateFlags = result.applications.flatMap((a) => a.gates.failed.map((f) => ({ a, f })));
  const disagreements = result.applications.flatMap((a) => a.criteria.filter((c) => c.disagreement).map((c) => ({ a, c })));
  const outliers = result.experts.flatMap((e) => (e.outlier ? [{ ...e, outlier: e.outlier }] : []));
  return (
    <SimpleGrid cols={3} spacing="sm" data-testid="flags">
      <Paper withBorder p="sm" radius="md" data-testid="flags-gates">
        <Text fw={600} size="sm" mb={6}>
          {t('merge.flags.gates')}
        </Text>
        {gateFlags.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('merge.flags.none')}
          </Text>
        )}
        {gateFlags.map(({ a, f }, i) => (
          <Text key={i} size="sm" mb={4}>
            <b>{a.applicationId}</b> · {f.expertId} {names.get(f.expertId)} · {gateTitle(f.criterionId)}
            {f.comment && (
              <Text span c="dimmed">
                {' '}
                — {f.comment}
              </Text>
            )}
          </Text>
        ))}
      </Paper>
      <Paper withBorder p="sm" radius="md" data-testid="flags-disagreement">
        <Text fw={600} size="sm" mb={6}>
          {t('merge.flags.disagreement')}
        </Text>
        {disagreements.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('merge.flags.none')}
          </Text>
        )}
        {disagreements.slice(0, 12).map(({ a, c }) => (
          <Text key={`${a.applicationId}-${c.criterionId}`} size="sm" mb={4}>
            <b>{a.applicationId}</b> · {criterionTitle(crit, c.criterionId, locale)} ·{' '}
            {t('merge.flags.spread', { min: num(c.summary.min), max: num(c.summary.max), sd: num(c.summary.sd) })}
          </Text>
        ))}
        {disagreements.length > 12 && (
          <Text size="xs" c="dimmed">
            {t('merge.flags.more', { count: disagreements.length - 12 })}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="sm" radius="md" data-testid="flags-outliers">
        <Text fw={600} size="sm" mb={6}>
          {t('merge.flags.outliers')}
        </Text>
        {outliers.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('merge.flags.none')}
          </Text>
        )}
        {outliers.map((e) => (
          <Text key={e.expertId} size="sm" mb={4}>
            <b>
              {e.expertId} {e.displayName}
            </b>{' '}
            · {t(`merge.flags.${e.outlier}`)} ({num(e.deviation.mean)})
          </Text>
        ))}
      </Paper>
    </SimpleGrid>
  );
}

/** Which computed figure the grade select offers: the rubric's bands. */
export function GradeSelect(props: {
  value: string | null;
  onChange: (v: string | null) => void;
  testId: string;
  label: string;
}): React.JSX.Element | null {
  const locale = useLocale();
  const rubric = useMergeStore((s) => s.results?.rubric ?? null);
  if (!rubric) return null;
  return (
    <Select
      label={props.label}
      data={rubric.gradeBands.map((g) => ({ value: g.id, label: pick(g.label, locale) }))}
      value={props.value}
      onChange={props.onChange}
      clearable
      data-testid={props.testId}
    />
  );
}

/** The ranking across rubrics, shown only when asked for (each rubric's own ranking above stands as its result). */
export function CombinedRanking(): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const combined = useMergeStore((s) => s.results?.combined ?? null);
  const groups = useMergeStore((s) => s.results?.groups ?? NO_GROUPS);
  if (!combined) return null;
  const title = new Map(groups.map((g) => [g.id, pick(g.title, locale)]));
  return (
    <Paper withBorder p="md" radius="md" data-testid="combined-ranking">
      <Text fw={700}>{t('merge.combined.title')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('merge.combined.intro', { total: combined.totalPoints })}
      </Text>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('merge.results.rank')}</Table.Th>
            <Table.Th>{t('merge.results.application')}</Table.Th>
            <Table.Th>{t('merge.options.rubric')}</Table.Th>
            <Table.Th>{t('merge.results.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {combined.ranking.map((r) => (
            <Table.Tr key={r.applicationId} data-testid={`combined-${r.applicationId}`}>
              <Table.Td>{r.rank}</Table.Td>
              <Table.Td>{r.applicationId}</Table.Td>
              <Table.Td>{title.get(r.rubricId) ?? r.rubricId}</Table.Td>
              <Table.Td ff="monospace">{num(r.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
