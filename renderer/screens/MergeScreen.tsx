/**
 * 汇总 / Merge: the secretariat's area — import and check the score bundles,
 * completeness, results with flags, charts, and the consensus history; the
 * exports are one click away from every tab.
 */
import { Button, Container, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import {
  IconChartBar,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconFileTypePdf,
  IconHistory,
  IconInbox,
  IconListNumbers,
  IconSignature,
  IconTable,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../shared/i18n-text.ts';
import type { ExportKind } from '../../shared/ipc/contract.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ChartsView } from '../components/merge/ChartsView.tsx';
import { ConsensusHistory } from '../components/merge/ConsensusPanel.tsx';
import { ImportView } from '../components/merge/ImportView.tsx';
import { MatrixView } from '../components/merge/MatrixView.tsx';
import { AgreementStats, CombinedRanking, FlagsPanel, OptionsBar, ResultsTable } from '../components/merge/ResultsView.tsx';
import { useLocale } from '../i18n/index.ts';
import { navigate, type MergeView } from '../router.ts';
import { useMergeStore } from '../state/merge.ts';

const EXPORTS: { kind: ExportKind; icon: typeof IconFileTypePdf }[] = [
  { kind: 'pdf', icon: IconFileTypePdf },
  { kind: 'xlsx', icon: IconFileSpreadsheet },
  { kind: 'csv', icon: IconFileTypeCsv },
  { kind: 'result', icon: IconSignature },
];

function ExportButtons(): React.JSX.Element {
  const { t } = useTranslation();
  const exporting = useMergeStore((s) => s.exporting);
  const exportFile = useMergeStore((s) => s.exportFile);
  const hasFiles = useMergeStore((s) => (s.state?.files.length ?? 0) > 0);
  return (
    <Group gap={6} data-testid="exports">
      {EXPORTS.map(({ kind, icon: Icon }) => (
        <Button
          key={kind}
          size="xs"
          variant={kind === 'pdf' ? 'filled' : 'default'}
          leftSection={<Icon size={16} />}
          loading={exporting === kind}
          disabled={!hasFiles || (exporting !== null && exporting !== kind)}
          onClick={() => void exportFile(kind)}
          data-testid={`export-${kind}`}
        >
          {t(`merge.export.${kind}`)}
        </Button>
      ))}
    </Group>
  );
}

export function MergeScreen({ view }: { view: MergeView }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = useMergeStore((s) => s.state);
  const error = useMergeStore((s) => s.error);
  const clearError = useMergeStore((s) => s.clearError);
  const resultsBusy = useMergeStore((s) => s.resultsBusy);
  const load = useMergeStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  const ledger = state?.ledger ?? null;
  const ready = Boolean(ledger);
  return (
    <Container size={1240} py="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3}>{t('merge.title')}</Title>
            <Text c="dimmed" size="sm" data-testid="merge-round">
              {ledger ? `${pick(ledger.round.title, locale)} · ${ledger.round.id}` : t('merge.subtitle')}
            </Text>
          </div>
          <Group gap="sm">
            {resultsBusy && <Loader size="xs" />}
            {ready && <ExportButtons />}
          </Group>
        </Group>
        {error && <ErrorAlert error={error} onClose={clearError} testId="merge-error" />}
        {!state ? (
          <Loader />
        ) : (
          <Tabs value={view} onChange={(v) => v && navigate({ name: 'merge', view: v as MergeView })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="import" leftSection={<IconInbox size={16} />} data-testid="tab-import">
                {t('merge.tabs.import')}
              </Tabs.Tab>
              <Tabs.Tab value="matrix" leftSection={<IconTable size={16} />} disabled={!ready} data-testid="tab-matrix">
                {t('merge.tabs.matrix')}
              </Tabs.Tab>
              <Tabs.Tab value="results" leftSection={<IconListNumbers size={16} />} disabled={!ready} data-testid="tab-results">
                {t('merge.tabs.results')}
              </Tabs.Tab>
              <Tabs.Tab value="charts" leftSection={<IconChartBar size={16} />} disabled={!ready} data-testid="tab-charts">
                {t('merge.tabs.charts')}
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} disabled={!ready} data-testid="tab-history">
                {t('merge.tabs.history')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="import">
              <ImportView />
            </Tabs.Panel>
            <Tabs.Panel value="matrix">
              <MatrixView />
            </Tabs.Panel>
            <Tabs.Panel value="results">
              <Stack gap="md">
                <OptionsBar />
                <AgreementStats />
                <ResultsTable />
                <CombinedRanking />
                <FlagsPanel />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="charts">
              <Stack gap="md">
                <OptionsBar />
                <ChartsView />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <ConsensusHistory />
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </Container>
  );
}
