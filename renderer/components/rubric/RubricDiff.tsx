/**
 * The draft against a built-in template — the one it came from
 * (`derivedFrom`) unless another is chosen: every element added, removed or
 * changed, by id and field (shared/rubric/diff.ts).
 */
import { Alert, Badge, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/i18n-text.ts';
import { pick } from '../../../shared/i18n-text.ts';
import { type DiffEntry, diffRubrics } from '../../../shared/rubric/diff.ts';
import { useLocale } from '../../i18n/index.ts';
import { useRubricStore } from '../../state/rubric.ts';

const COLOR: Record<DiffEntry['change'], string> = { added: 'green', removed: 'red', changed: 'blue' };

const isText = (v: unknown): v is LocalizedText => v !== null && typeof v === 'object' && 'zh-CN' in v;

function show(v: unknown, zhOnly: string): string {
  if (v === undefined) return '—';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return String(v);
  // Both languages: a change of the English alone must show in the Chinese interface too.
  if (isText(v)) return 'en' in v ? `${v['zh-CN']} / ${v.en}` : `${v['zh-CN']} ${zhOnly}`;
  const json = JSON.stringify(v);
  return json.length > 120 ? `${json.slice(0, 120)}…` : json;
}

export function RubricDiff(): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const draft = useRubricStore((s) => s.draft);
  const templates = useRubricStore((s) => s.templates);
  const baseId = useRubricStore((s) => s.baseId);
  const setBase = useRubricStore((s) => s.setBase);
  const base = templates?.find((x) => x.id === baseId)?.rubric ?? null;
  const entries = useMemo(() => (draft && base ? diffRubrics(base, draft) : []), [draft, base]);
  if (!draft) return null;
  return (
    <Stack gap="md" data-testid="rubric-diff">
      <Group align="flex-end">
        <Select
          label={t('rubric.diffAgainst')}
          value={baseId}
          onChange={setBase}
          data={(templates ?? []).map((x) => ({ value: x.id, label: `${pick(x.title, locale)} (${x.id} v${x.version})` }))}
          w={520}
          data-testid="diff-base"
        />
        {draft.derivedFrom && (
          <Text size="sm" c="dimmed" mb={8}>
            {t('rubric.derivedFrom', { id: draft.derivedFrom.id, version: draft.derivedFrom.version })}
          </Text>
        )}
      </Group>
      {!base ? (
        <Alert color="gray">{t('rubric.diffNoBase')}</Alert>
      ) : entries.length === 0 ? (
        <Alert color="gray" data-testid="diff-empty">
          {t('rubric.diffNone')}
        </Alert>
      ) : (
        <>
          <Text size="sm" data-testid="diff-count">
            {t('rubric.diffCount', { count: entries.length })}
          </Text>
          <Table striped withTableBorder verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('rubric.diffChange')}</Table.Th>
                <Table.Th w={150}>{t('rubric.diffKind')}</Table.Th>
                <Table.Th w={170}>{t('rubric.id')}</Table.Th>
                <Table.Th w={150}>{t('rubric.diffField')}</Table.Th>
                <Table.Th>{t('rubric.diffBefore')}</Table.Th>
                <Table.Th>{t('rubric.diffAfter')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e, i) => (
                <Table.Tr key={i} data-testid="diff-entry" data-change={e.change} data-id={e.id} data-field={e.field ?? ''}>
                  <Table.Td>
                    <Badge color={COLOR[e.change]} variant="light" style={{ textTransform: 'none' }}>
                      {t(`rubric.changes.${e.change}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`rubric.kinds.${e.kind}`)}</Table.Td>
                  <Table.Td>
                    <Code>{e.parent ? `${e.parent} › ${e.id}` : e.id}</Code>
                  </Table.Td>
                  <Table.Td>
                    {e.field ? t(`rubric.fields.${e.field === 'scale.step' ? 'scaleStep' : e.field}`, { defaultValue: e.field }) : ''}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.change === 'changed' ? show(e.before, t('rubric.zhOnlyShort')) : ''}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.change === 'changed' ? show(e.after, t('rubric.zhOnlyShort')) : ''}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
