/**
 * The form for what the rubric tree has selected: the rubric itself (title,
 * kind of review, categories, total and pass mark), a criterion group, a
 * criterion or eligibility condition (titles, guidance, points, scale and
 * level descriptors, comment rule, threshold), or the lists of grades,
 * conclusions and site-visit items. Every field writes the draft at once.
 */
import { ActionIcon, Button, Checkbox, Divider, Group, Paper, SegmentedControl, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/i18n-text.ts';
import { addCriterion, freshId, getIn, insertAt, moveAt, moveCriterion, removeAt, type Path } from '../../../shared/rubric/edit.ts';
import type { Criterion, Dimension, GradeBand, Recommendation, Rubric, Scale } from '../../../shared/rubric/model.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatScore } from '../../lib/format.ts';
import { type Selection, useRubricStore } from '../../state/rubric.ts';
import { IdField, NumberField, Provenance, TextPair, useAt, useProblems } from './fields.tsx';

function Tool({
  label,
  onClick,
  disabled,
  testId,
  color,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  testId: string;
  color?: string;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" onClick={onClick} disabled={disabled} aria-label={label} data-testid={testId} color={color}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** Up, down and remove for element `index` of the list at `list`. */
function ListTools({
  list,
  index,
  length,
  minLength = 0,
  onMove,
  onRemoved,
}: {
  list: Path;
  index: number;
  length: number;
  minLength?: number;
  onMove?: (delta: -1 | 1) => void;
  onRemoved?: Selection;
}): React.JSX.Element {
  const { t } = useTranslation();
  const change = useRubricStore((s) => s.change);
  const move = onMove ?? ((delta: -1 | 1) => change((r) => moveAt(r, list, index, delta)));
  return (
    <Group gap={4} wrap="nowrap">
      <Tool label={t('rubric.moveUp')} onClick={() => move(-1)} disabled={!onMove && index === 0} testId="move-up">
        <IconArrowUp size={16} />
      </Tool>
      <Tool label={t('rubric.moveDown')} onClick={() => move(1)} disabled={!onMove && index === length - 1} testId="move-down">
        <IconArrowDown size={16} />
      </Tool>
      <Tool
        label={t('rubric.remove')}
        onClick={() => change((r) => removeAt(r, list, index), onRemoved)}
        disabled={length <= minLength}
        testId="remove"
        color="red"
      >
        <IconTrash size={16} />
      </Tool>
    </Group>
  );
}

const POINTS: Scale = { kind: 'points', min: 0, max: 10, step: 1 };

/** 优 / 良 / 中 / 差 on 0–10, as the templates use; descriptors to be written, marked as defaults. */
function fourLevels(): Scale {
  const level = (id: string, zh: string, en: string, min: number, max: number): Extract<Scale, { kind: 'levels' }>['levels'][number] => ({
    id,
    label: { 'zh-CN': zh, en },
    descriptor: { 'zh-CN': `${zh}：请填写描述。`, en: `${en}: write the descriptor.` },
    min,
    max,
    default: true,
  });
  return {
    kind: 'levels',
    step: 0.5,
    levels: [
      level('excellent', '优', 'Excellent', 8, 10),
      level('good', '良', 'Good', 6, 7.5),
      level('fair', '中', 'Fair', 4, 5.5),
      level('poor', '差', 'Poor', 0, 3.5),
    ],
  };
}

function ScaleEditor({ path, isDefault }: { path: Path; isDefault: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const scale = useAt<Scale>(path);
  const set = useRubricStore((s) => s.set);
  const change = useRubricStore((s) => s.change);
  const error = useProblems(path);
  if (!scale || scale.kind === 'gate') return <></>;
  return (
    <Stack gap="xs">
      <Group gap="sm" align="center">
        <Text size="sm" fw={500}>
          {t('rubric.scale')}
        </Text>
        <SegmentedControl
          size="xs"
          value={scale.kind}
          onChange={(v) => set(path, v === 'levels' ? fourLevels() : POINTS)}
          data={[
            { value: 'points', label: t('rubric.scalePoints') },
            { value: 'levels', label: t('rubric.scaleLevels') },
          ]}
          data-testid="scale-kind"
        />
      </Group>
      {error && (
        <Text size="xs" c="red.8">
          {error}
        </Text>
      )}
      {scale.kind === 'points' ? (
        <Group gap="sm">
          <NumberField path={[...path, 'min']} label={t('rubric.min')} isDefault={isDefault} testId="scale-min" />
          <NumberField path={[...path, 'max']} label={t('rubric.max')} isDefault={isDefault} testId="scale-max" />
          <NumberField path={[...path, 'step']} label={t('rubric.step')} testId="scale-step" />
        </Group>
      ) : (
        <Stack gap="xs">
          <NumberField path={[...path, 'step']} label={t('rubric.step')} testId="scale-step" />
          {scale.levels.map((l, i) => (
            <Paper key={i} withBorder p="xs" radius="sm" data-testid={`level-${l.id}`}>
              <Stack gap={6}>
                <Group justify="space-between" align="flex-end">
                  <Group gap="sm" align="flex-end">
                    <IdField path={[...path, 'levels', i, 'id']} />
                    <NumberField path={[...path, 'levels', i, 'min']} label={t('rubric.min')} isDefault={l.default} />
                    <NumberField path={[...path, 'levels', i, 'max']} label={t('rubric.max')} isDefault={l.default} />
                  </Group>
                  <ListTools list={[...path, 'levels']} index={i} length={scale.levels.length} minLength={2} />
                </Group>
                <TextPair path={[...path, 'levels', i, 'label']} label={t('rubric.levelLabel')} />
                <TextPair
                  path={[...path, 'levels', i, 'descriptor']}
                  label={t('rubric.descriptor')}
                  multiline
                  testId={`descriptor-${l.id}`}
                />
                <Provenance path={[...path, 'levels', i]} />
              </Stack>
            </Paper>
          ))}
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            disabled={scale.levels.length >= 10}
            onClick={() =>
              change((r) =>
                insertAt(r, [...path, 'levels'], {
                  id: freshId(r, 'level'),
                  label: { 'zh-CN': '新等级', en: 'New level' },
                  descriptor: { 'zh-CN': '请填写描述。', en: 'Write the descriptor.' },
                  min: 0,
                  max: 0,
                  default: true,
                }),
              )
            }
            style={{ alignSelf: 'flex-start' }}
          >
            {t('rubric.addLevel')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

function CommentRuleEditor({ path }: { path: Path }): React.JSX.Element {
  const { t } = useTranslation();
  const rule = useAt<Criterion['comment']>(path);
  const set = useRubricStore((s) => s.set);
  if (!rule) return <></>;
  return (
    <Group gap="sm" align="flex-start">
      <Select
        label={t('rubric.commentRule')}
        value={rule.required}
        onChange={(v) => v && set([...path, 'required'], v)}
        data={(['always', 'optional', 'belowThreshold'] as const).map((v) => ({ value: v, label: t(`rubric.comment.${v}`) }))}
        allowDeselect={false}
        w={220}
        data-testid="comment-rule"
      />
      {rule.required === 'belowThreshold' && <NumberField path={[...path, 'threshold']} label={t('rubric.commentThreshold')} optional />}
      <NumberField path={[...path, 'minLength']} label={t('rubric.minLength')} min={0} />
    </Group>
  );
}

function CriterionForm({ path, gate }: { path: Path; gate: boolean }): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = useAt<Criterion>(path);
  const draft = useRubricStore((s) => s.draft);
  const change = useRubricStore((s) => s.change);
  if (!c || !draft) return null;
  const di = gate ? -1 : (path[1] as number);
  const ci = path[path.length - 1] as number;
  const dimension = gate ? null : draft.dimensions[di]!;
  const siblings = gate ? draft.gates.length : dimension!.criteria.length;
  const onMove = gate
    ? (delta: -1 | 1): void => {
        const to = Math.max(0, Math.min(siblings - 1, ci + delta));
        change((r) => moveAt(r, ['gates'], ci, delta), ['gates', to]);
      }
    : (delta: -1 | 1): void => {
        const before = useRubricStore.getState().draft!;
        const next = moveCriterion(before, di, ci, delta);
        // Follow the criterion to where it went.
        const at = next.dimensions.flatMap((d, i) => d.criteria.map((x, j) => (x === c ? [i, j] : null))).find(Boolean);
        change(() => next, at ? ['dimensions', at[0]!, 'criteria', at[1]!] : undefined);
      };
  return (
    <Stack gap="md" data-testid="criterion-form" data-id={c.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="xs" c="dimmed">
            {gate ? t('review.gates') : `${t('rubric.dimension')} ${dimension!.id} ${pick(dimension!.title, locale)}`}
          </Text>
          <Title order={4}>
            {c.id} {pick(c.title, locale)}
          </Title>
        </div>
        <ListTools
          list={gate ? ['gates'] : ['dimensions', di, 'criteria']}
          index={ci}
          length={siblings}
          minLength={gate ? 0 : 1}
          onMove={onMove}
          onRemoved={gate ? [] : ['dimensions', di]}
        />
      </Group>
      <IdField path={[...path, 'id']} testId="criterion-id" />
      <TextPair path={[...path, 'title']} label={t('rubric.titleField')} testId="criterion-title-field" />
      <TextPair
        path={[...path, 'guidance']}
        label={gate ? t('rubric.gateGuidance') : t('rubric.guidance')}
        multiline
        testId="criterion-guidance-field"
      />
      <TextPair path={[...path, 'evidenceHint']} label={t('rubric.evidenceHint')} optional />
      {!gate && (
        <>
          <Group gap="sm" align="flex-start">
            <NumberField path={[...path, 'weight']} label={t('rubric.weight')} isDefault={c.default} min={0} testId="criterion-weight" />
            <NumberField
              path={[...path, 'threshold']}
              label={t('rubric.threshold')}
              isDefault={c.default}
              optional
              testId="criterion-threshold"
            />
          </Group>
          <ScaleEditor path={[...path, 'scale']} isDefault={c.default === true} />
        </>
      )}
      <CommentRuleEditor path={[...path, 'comment']} />
      {c.indicators && (
        <Text size="xs" c="dimmed">
          {t('rubric.indicatorsKept', { count: c.indicators.length })}
        </Text>
      )}
      <Provenance path={path} />
    </Stack>
  );
}

function DimensionForm({ path }: { path: Path }): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useAt<Dimension>(path);
  const count = useRubricStore((s) => s.draft?.dimensions.length ?? 0);
  const change = useRubricStore((s) => s.change);
  const select = useRubricStore((s) => s.select);
  if (!d) return null;
  const di = path[1] as number;
  const sum = d.criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  return (
    <Stack gap="md" data-testid="dimension-form" data-id={d.id}>
      <Group justify="space-between" align="flex-start">
        <Title order={4}>
          {t('rubric.dimension')} {d.id} {pick(d.title, locale)}
        </Title>
        <ListTools list={['dimensions']} index={di} length={count} minLength={1} onRemoved={[]} />
      </Group>
      <IdField path={[...path, 'id']} />
      <TextPair path={[...path, 'title']} label={t('rubric.titleField')} />
      <TextPair path={[...path, 'guidance']} label={t('rubric.dimensionGuidance')} optional multiline />
      <Provenance path={path} />
      <Divider label={t('rubric.criteriaOf', { sum: formatScore(sum) })} labelPosition="left" />
      <Stack gap={4}>
        {d.criteria.map((c, ci) => (
          <Button
            key={ci}
            variant="subtle"
            justify="space-between"
            onClick={() => select([...path, 'criteria', ci])}
            rightSection={formatScore(c.weight)}
          >
            {c.id} {pick(c.title, locale)}
          </Button>
        ))}
      </Stack>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() => change((r) => addCriterion(r, di), [...path, 'criteria', d.criteria.length])}
        style={{ alignSelf: 'flex-start' }}
        data-testid="add-criterion"
      >
        {t('rubric.addCriterion')}
      </Button>
    </Stack>
  );
}

function RubricForm(): React.JSX.Element | null {
  const { t } = useTranslation();
  const r = useRubricStore((s) => s.draft);
  const set = useRubricStore((s) => s.set);
  if (!r) return null;
  return (
    <Stack gap="md" data-testid="rubric-form">
      <Title order={4}>{t('rubric.whole')}</Title>
      <Group gap="sm" align="flex-start">
        <IdField path={['id']} testId="rubric-id" />
        <NumberField path={['version']} label={t('rubric.version')} min={1} />
        <Select
          label={t('rubric.stage')}
          value={r.stage}
          onChange={(v) => v && set(['stage'], v)}
          data={(['selection', 'annual', 'periodic'] as const).map((v) => ({ value: v, label: t(`rubric.stages.${v}`) }))}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <Checkbox.Group label={t('rubric.appliesTo')} value={r.appliesTo} onChange={(v) => set(['appliesTo'], v)}>
        <Group mt={4}>
          <Checkbox value="enterprise" label={t('category.enterprise')} />
          <Checkbox value="non-enterprise" label={t('category.non-enterprise')} />
        </Group>
      </Checkbox.Group>
      <TextPair path={['title']} label={t('rubric.titleField')} testId="rubric-title" />
      <TextPair path={['description']} label={t('rubric.description')} multiline />
      <Group gap="sm" align="flex-start">
        <NumberField path={['totalPoints']} label={t('rubric.totalPoints')} isDefault={r.scoring.default} testId="rubric-total" />
        <NumberField path={['passThreshold']} label={t('rubric.passThreshold')} isDefault={r.scoring.default} testId="rubric-pass" />
      </Group>
      <Provenance path={['scoring']} />
      {r.derivedFrom && (
        <Text size="xs" c="dimmed">
          {t('rubric.derivedFrom', { id: r.derivedFrom.id, version: r.derivedFrom.version })}
        </Text>
      )}
    </Stack>
  );
}

function BandsForm(): React.JSX.Element | null {
  const { t } = useTranslation();
  const bands = useAt<GradeBand[]>(['gradeBands']);
  const change = useRubricStore((s) => s.change);
  if (!bands) return null;
  return (
    <Stack gap="md" data-testid="bands-form">
      <Title order={4}>{t('rubric.gradeBands')}</Title>
      <Text size="xs" c="dimmed">
        {t('rubric.gradeBandsHint')}
      </Text>
      {bands.map((b, i) => (
        <Paper key={i} withBorder p="sm" radius="sm" data-testid={`band-${b.id}`}>
          <Stack gap={6}>
            <Group justify="space-between" align="flex-end">
              <Group gap="sm" align="flex-end">
                <IdField path={['gradeBands', i, 'id']} />
                <NumberField
                  path={['gradeBands', i, 'min']}
                  label={t('rubric.bandMin')}
                  isDefault={b.default}
                  testId={`band-min-${b.id}`}
                />
              </Group>
              <ListTools list={['gradeBands']} index={i} length={bands.length} minLength={1} />
            </Group>
            <TextPair path={['gradeBands', i, 'label']} label={t('rubric.grade')} />
            <TextPair path={['gradeBands', i, 'consequence']} label={t('rubric.consequence')} optional />
            <Provenance path={['gradeBands', i]} />
          </Stack>
        </Paper>
      ))}
      <AddButton
        label={t('rubric.addBand')}
        onClick={() =>
          change((r) =>
            insertAt(r, ['gradeBands'], { id: freshId(r, 'grade'), label: { 'zh-CN': '新等级', en: 'New grade' }, min: 0, default: true }),
          )
        }
        disabled={bands.length >= 10}
      />
    </Stack>
  );
}

function OutcomesForm(): React.JSX.Element | null {
  const { t } = useTranslation();
  const list = useAt<Recommendation[]>(['recommendations']);
  const set = useRubricStore((s) => s.set);
  const change = useRubricStore((s) => s.change);
  if (!list) return null;
  return (
    <Stack gap="md" data-testid="outcomes-form">
      <Title order={4}>{t('rubric.recommendations')}</Title>
      {list.map((x, i) => (
        <Paper key={i} withBorder p="sm" radius="sm" data-testid={`outcome-${x.id}`}>
          <Stack gap={6}>
            <Group justify="space-between" align="flex-end">
              <Group gap="sm" align="flex-end">
                <IdField path={['recommendations', i, 'id']} />
                <Checkbox
                  label={t('rubric.additional')}
                  checked={x.additional === true}
                  onChange={(e) => set(['recommendations', i, 'additional'], e.currentTarget.checked ? true : undefined)}
                  mb={8}
                />
              </Group>
              <ListTools list={['recommendations']} index={i} length={list.length} minLength={1} />
            </Group>
            <TextPair path={['recommendations', i, 'label']} label={t('rubric.outcome')} />
            <TextPair path={['recommendations', i, 'description']} label={t('rubric.description')} optional multiline />
            <Provenance path={['recommendations', i]} />
          </Stack>
        </Paper>
      ))}
      <AddButton
        label={t('rubric.addOutcome')}
        onClick={() =>
          change((r) =>
            insertAt(r, ['recommendations'], {
              id: freshId(r, 'outcome'),
              label: { 'zh-CN': '新结论', en: 'New conclusion' },
              default: true,
            }),
          )
        }
        disabled={list.length >= 10}
      />
    </Stack>
  );
}

function SiteVisitForm(): React.JSX.Element | null {
  const { t } = useTranslation();
  const list = useAt<Rubric['siteVisit']>(['siteVisit']);
  const change = useRubricStore((s) => s.change);
  if (!list) return null;
  return (
    <Stack gap="md" data-testid="sitevisit-form">
      <Title order={4}>{t('rubric.siteVisit')}</Title>
      {list.map((_, i) => (
        <Paper key={i} withBorder p="sm" radius="sm">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-end">
              <IdField path={['siteVisit', i, 'id']} />
              <ListTools list={['siteVisit']} index={i} length={list.length} />
            </Group>
            <TextPair path={['siteVisit', i, 'title']} label={t('rubric.siteVisitItem')} />
            <TextPair path={['siteVisit', i, 'guidance']} label={t('rubric.siteVisitGuidance')} multiline />
            <Provenance path={['siteVisit', i]} />
          </Stack>
        </Paper>
      ))}
      <AddButton
        label={t('rubric.addSiteVisit')}
        onClick={() =>
          change((r) =>
            insertAt(r, ['siteVisit'], {
              id: freshId(r, 'V'),
              title: { 'zh-CN': '新考察要点', en: 'New checklist item' },
              guidance: { 'zh-CN': '请填写考察要点。', en: 'Write what to verify on site.' },
              default: true,
            }),
          )
        }
        disabled={list.length >= 100}
      />
    </Stack>
  );
}

function AddButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }): React.JSX.Element {
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPlus size={14} />}
      onClick={onClick}
      disabled={disabled}
      style={{ alignSelf: 'flex-start' }}
    >
      {label}
    </Button>
  );
}

/** The form for the selected element; an element that no longer exists shows the rubric's own form. */
export function ElementForm(): React.JSX.Element | null {
  const selected = useRubricStore((s) => s.selected);
  const exists = useRubricStore((s) => getIn(s.draft, selected) !== undefined);
  const [a, , c] = selected;
  if (!exists || selected.length === 0) return <RubricForm />;
  if (a === 'gates' && selected.length === 2) return <CriterionForm key={selected.join('.')} path={selected} gate />;
  if (a === 'dimensions' && selected.length === 2) return <DimensionForm key={selected.join('.')} path={selected} />;
  if (a === 'dimensions' && c === 'criteria' && selected.length === 4)
    return <CriterionForm key={selected.join('.')} path={selected} gate={false} />;
  if (a === 'gradeBands') return <BandsForm />;
  if (a === 'recommendations') return <OutcomesForm />;
  if (a === 'siteVisit') return <SiteVisitForm />;
  return <RubricForm />;
}
