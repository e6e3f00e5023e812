/**
 * The score control for a criterion, matching its scale: pass/fail for a
 * gate; for points, one button per value when the range is small (plus an
 * exact number field); for levels, the level descriptors, then a score inside
 * the chosen level's band.
 */
import { Badge, Box, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/i18n-text.ts';
import { type Criterion, allowedScores, isValidScore, levelFor, scaleRange } from '../../../shared/rubric/model.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFlushOnLeave } from '../../lib/flush.ts';
import { formatScore } from '../../lib/format.ts';

const MAX_BUTTONS = 21;

export function ScaleControl({
  criterion,
  value,
  typing,
  onChange,
}: {
  criterion: Criterion;
  value: number | null;
  /** Digits typed so far on the keyboard, not yet committed. */
  typing: string | null;
  onChange: (value: number | null) => void;
}): React.JSX.Element {
  const s = criterion.scale;
  if (s.kind === 'gate') return <GateControl value={value} onChange={onChange} />;
  if (s.kind === 'levels') return <LevelsControl criterion={criterion} value={value} typing={typing} onChange={onChange} />;
  const values = allowedScores(criterion);
  return (
    <Stack gap="xs">
      {values.length <= MAX_BUTTONS && <ScoreButtons values={values} value={value} onChange={onChange} />}
      <ExactScore criterion={criterion} value={value} typing={typing} onChange={onChange} />
    </Stack>
  );
}

function GateControl({ value, onChange }: { value: number | null; onChange: (v: number | null) => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Group gap="sm" role="radiogroup" aria-label={t('gate.label')} data-testid="score-input" data-value={value ?? ''}>
      <Button
        size="md"
        role="radio"
        aria-checked={value === 1}
        variant={value === 1 ? 'filled' : 'default'}
        color="green"
        leftSection={<IconCheck size={18} />}
        onClick={() => onChange(1)}
        data-testid="gate-pass"
      >
        {t('gate.pass')} <Kbd k="1" />
      </Button>
      <Button
        size="md"
        role="radio"
        aria-checked={value === 0}
        variant={value === 0 ? 'filled' : 'default'}
        color="red"
        leftSection={<IconX size={18} />}
        onClick={() => onChange(0)}
        data-testid="gate-fail"
      >
        {t('gate.fail')} <Kbd k="0" />
      </Button>
    </Group>
  );
}

function Kbd({ k }: { k: string }): React.JSX.Element {
  return (
    <Text span size="xs" c="dimmed" ml={6} style={{ fontFamily: 'var(--mantine-font-family-monospace)' }} aria-hidden>
      [{k}]
    </Text>
  );
}

function ScoreButtons({
  values,
  value,
  onChange,
}: {
  values: number[];
  value: number | null;
  onChange: (v: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Group gap={4} role="radiogroup" aria-label={t('review.score')} data-testid="score-options">
      {values.map((v) => (
        <Button
          key={v}
          size="sm"
          px={0}
          w={v % 1 === 0 ? 40 : 44}
          role="radio"
          aria-checked={value === v}
          variant={value === v ? 'filled' : 'default'}
          onClick={() => onChange(v)}
          data-testid={`score-option-${v}`}
        >
          {formatScore(v)}
        </Button>
      ))}
    </Group>
  );
}

/**
 * An exact score, checked against the scale and committed on Enter, when
 * leaving the field, and on any move or leaving the page while it is typed.
 */
function ExactScore({
  criterion,
  value,
  typing,
  onChange,
  min,
  max,
}: {
  criterion: Criterion;
  value: number | null;
  typing: string | null;
  onChange: (v: number | null) => void;
  min?: number;
  max?: number;
}): React.JSX.Element {
  const { t } = useTranslation();
  const range = scaleRange(criterion.scale);
  const step = criterion.scale.kind === 'gate' ? 1 : criterion.scale.step;
  const [draft, setDraft] = useState<string | number>(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value, criterion.id]);
  const shown = typing ?? draft;
  const num = typeof shown === 'number' ? shown : shown.trim() === '' ? null : Number(shown);
  const invalid = num !== null && !isValidScore(criterion, num);
  // What was typed and for which criterion, read by a flush that may come after a move has re-rendered the field.
  const pending = useRef<(() => void) | null>(null);
  const commitOf =
    (typed: number | null): (() => void) =>
    () => {
      pending.current = null;
      if (typed === null) {
        if (value !== null) onChange(null);
      } else if (isValidScore(criterion, typed) && typed !== value) onChange(typed);
    };
  const commit = commitOf(num);
  useFlushOnLeave(() => pending.current?.());
  // The field stays mounted from criterion to criterion: a number typed on one is saved on it before the next shows.
  useEffect(() => () => pending.current?.(), [criterion.id]);
  const change = (next: string | number): void => {
    setDraft(next);
    pending.current = commitOf(typeof next === 'number' ? next : next.trim() === '' ? null : Number(next));
  };
  return (
    <Group gap="sm" align="flex-start">
      <NumberInput
        w={140}
        label={t('review.exactScore')}
        value={shown}
        onChange={change}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) commit();
        }}
        min={min ?? range.min}
        max={max ?? range.max}
        step={step}
        decimalScale={step % 1 === 0 ? 0 : 2}
        clampBehavior="none"
        allowNegative={range.min < 0}
        error={invalid ? t('review.invalidScore', { range: `${range.min}–${range.max}`, step }) : null}
        data-testid="score-input"
        data-value={value ?? ''}
      />
      <Text size="xs" c="dimmed" mt={28}>
        {t('review.scaleHint', { min: range.min, max: range.max, step })}
      </Text>
    </Group>
  );
}

function LevelsControl({
  criterion,
  value,
  typing,
  onChange,
}: {
  criterion: Criterion;
  value: number | null;
  typing: string | null;
  onChange: (v: number | null) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const s = criterion.scale;
  const current = value === null ? undefined : levelFor(criterion, value);
  const [chosen, setChosen] = useState<string | undefined>(current?.id);
  useEffect(() => setChosen(current?.id), [current?.id]);
  if (s.kind !== 'levels') return <></>;
  const levels = [...s.levels].sort((a, b) => b.min - a.min);
  const level = levels.find((l) => l.id === chosen);
  const bandValues = level ? allowedScores(criterion).filter((v) => v >= level.min && v <= level.max) : [];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="xs" role="radiogroup" aria-label={t('review.level')}>
        {levels.map((l) => {
          const on = l.id === chosen;
          return (
            <Paper
              key={l.id}
              component="button"
              type="button"
              withBorder
              p="xs"
              radius="sm"
              role="radio"
              aria-checked={on}
              onClick={() => setChosen(l.id)}
              data-testid={`level-${l.id}`}
              style={{
                textAlign: 'left',
                cursor: 'pointer',
                borderColor: on ? 'var(--mantine-color-blue-7)' : undefined,
                background: on ? 'var(--mantine-color-blue-0)' : 'white',
                borderWidth: on ? 2 : 1,
                font: 'inherit',
              }}
            >
              <Group gap={6} justify="space-between" wrap="nowrap">
                <Text fw={700}>{pick(l.label, locale)}</Text>
                <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {l.min}–{l.max}
                </Badge>
              </Group>
              <Text size="sm" mt={4}>
                {pick(l.descriptor, locale)}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
      <Box>
        {level ? (
          <>
            <Text size="sm" fw={500} mb={4}>
              {t('review.scoreInBand', { level: pick(level.label, locale), min: level.min, max: level.max })}
            </Text>
            <ScoreButtons values={bandValues} value={value} onChange={onChange} />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('review.pickLevel')}
          </Text>
        )}
      </Box>
      <ExactScore criterion={criterion} value={value} typing={typing} onChange={onChange} />
    </Stack>
  );
}
