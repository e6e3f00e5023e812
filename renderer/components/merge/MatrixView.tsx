/** Completeness: experts × applications — scored, recused, in progress, missing, not assigned. */
import { Badge, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/i18n-text.ts';
import { useLocale } from '../../i18n/index.ts';
import { useMergeStore } from '../../state/merge.ts';
import { CELL_COLOR, CELLS } from './labels.ts';

export function MatrixView(): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const matrix = useMergeStore((s) => s.state?.matrix ?? null);
  if (!matrix) return null;
  return (
    <Stack gap="md">
      <Group gap="xs" data-testid="matrix-counts">
        {CELLS.map((c) => (
          <Badge key={c} size="lg" variant="light" color={CELL_COLOR[c]} data-testid={`matrix-count-${c}`} data-count={matrix.counts[c]}>
            {t(`merge.cell.${c}`)} {matrix.counts[c]}
          </Badge>
        ))}
      </Group>
      <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
        <Table withColumnBorders verticalSpacing={6} data-testid="matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={200}>{t('merge.matrix.expert')}</Table.Th>
              <Table.Th w={70}>{t('merge.files.revision')}</Table.Th>
              {matrix.applications.map((a) => (
                <Table.Th key={a.id} ta="center" miw={110}>
                  <Tooltip label={pick(a.organisation, locale)} openDelay={300}>
                    <div>
                      <Text size="sm" fw={600}>
                        {a.id}
                      </Text>
                      <Text size="xs" c="dimmed" fw={400} lineClamp={1}>
                        {pick(a.name, locale)}
                      </Text>
                    </div>
                  </Tooltip>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {matrix.experts.map((e) => (
              <Table.Tr key={e.expertId} data-testid={`matrix-row-${e.expertId}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {e.expertId} {e.displayName}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {e.organisation}
                  </Text>
                </Table.Td>
                <Table.Td>{e.revision ?? '—'}</Table.Td>
                {matrix.applications.map((a) => {
                  const cell = matrix.cells[e.expertId]?.[a.id] ?? 'not-assigned';
                  return (
                    <Table.Td key={a.id} ta="center" data-testid={`matrix-cell-${e.expertId}-${a.id}`} data-cell={cell}>
                      <Badge variant="light" color={CELL_COLOR[cell]} radius="sm" fullWidth>
                        {t(`merge.cell.${cell}`)}
                      </Badge>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text size="xs" c="dimmed">
        {t('merge.matrix.hint')}
      </Text>
    </Stack>
  );
}
