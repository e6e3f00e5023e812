/**
 * 评分细则 / Rubrics: the secretariat's rubric editor. Start from a built-in
 * template or import a rubric.json or rubric workbook; edit the tree with the
 * model's problems shown live; preview it as the expert will see it; compare
 * it with its template; export it as rubric.json or as a workbook.
 */
import { Badge, Box, Button, Container, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconDownload, IconEye, IconFileImport, IconGitCompare, IconPencil, IconTemplate } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../shared/i18n-text.ts';
import { pointsSum } from '../../shared/rubric/edit.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ElementForm } from '../components/rubric/ElementForm.tsx';
import { ProblemsPanel } from '../components/rubric/ProblemsPanel.tsx';
import { RubricDiff } from '../components/rubric/RubricDiff.tsx';
import { RubricPreview } from '../components/rubric/RubricPreview.tsx';
import { RubricTree } from '../components/rubric/RubricTree.tsx';
import { useLocale } from '../i18n/index.ts';
import { formatScore } from '../lib/format.ts';
import { navigate, type RubricView } from '../router.ts';
import { useRubricStore } from '../state/rubric.ts';

function StartView(): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const templates = useRubricStore((s) => s.templates);
  const hasDraft = useRubricStore((s) => s.draft !== null);
  const start = useRubricStore((s) => s.start);
  if (!templates) return <Loader />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('rubric.startHint')}
        {hasDraft ? ` ${t('rubric.replacesDraft')}` : ''}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {templates.map((x) => {
          const criteria = x.rubric.dimensions.reduce((s, d) => s + d.criteria.length, 0);
          return (
            <Paper key={x.id} withBorder p="md" radius="md" data-testid={`template-${x.id}`}>
              <Stack gap="xs" h="100%" justify="space-between">
                <div>
                  <Text fw={600}>{pick(x.title, locale)}</Text>
                  <Text size="xs" c="dimmed">
                    {x.id} v{x.version}
                  </Text>
                  <Group gap={6} mt="xs">
                    <Badge variant="light" style={{ textTransform: 'none' }}>
                      {t(`rubric.stages.${x.stage}`)}
                    </Badge>
                    {x.appliesTo.map((c) => (
                      <Badge key={c} variant="outline" color="gray" style={{ textTransform: 'none' }}>
                        {t(`category.${c}`)}
                      </Badge>
                    ))}
                  </Group>
                  <Text size="sm" mt="xs">
                    {t('rubric.templateCounts', {
                      gates: x.rubric.gates.length,
                      dimensions: x.rubric.dimensions.length,
                      criteria,
                      total: x.rubric.totalPoints,
                    })}
                  </Text>
                </div>
                <Button
                  size="xs"
                  onClick={() => {
                    start(x.id);
                    navigate({ name: 'rubrics', view: 'edit' });
                  }}
                  data-testid={`start-${x.id}`}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('rubric.startFrom')}
                </Button>
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function EditView(): React.JSX.Element | null {
  const { t } = useTranslation();
  const draft = useRubricStore((s) => s.draft);
  if (!draft) return null;
  const sum = pointsSum(draft);
  const adds = Math.abs(sum - draft.totalPoints) < 1e-9;
  return (
    <Box style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
      <Paper withBorder radius="sm" w={300} h={680} style={{ flex: 'none' }}>
        <RubricTree />
      </Paper>
      <Paper withBorder radius="sm" p="md" style={{ flex: 1, minWidth: 0 }}>
        <ElementForm />
      </Paper>
      <Stack w={340} gap="sm" style={{ flex: 'none', position: 'sticky', top: 0 }}>
        <Paper withBorder radius="sm" p="sm">
          <Text size="sm" c={adds ? 'green.8' : 'red.8'} fw={600} data-testid="points-sum" data-adds={adds}>
            {t('rubric.sumLine', { sum: formatScore(sum), total: formatScore(draft.totalPoints) })}
          </Text>
        </Paper>
        <ProblemsPanel />
      </Stack>
    </Box>
  );
}

function ExportButtons(): React.JSX.Element {
  const { t } = useTranslation();
  const ok = useRubricStore((s) => s.check?.ok ?? false);
  const exporting = useRubricStore((s) => s.exporting);
  const exportFile = useRubricStore((s) => s.exportFile);
  return (
    <Group gap={6}>
      {(['json', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          size="xs"
          variant={format === 'json' ? 'filled' : 'default'}
          leftSection={<IconDownload size={16} />}
          loading={exporting === format}
          disabled={!ok || (exporting !== null && exporting !== format)}
          onClick={() => void exportFile(format)}
          data-testid={`rubric-export-${format}`}
          title={ok ? undefined : t('rubric.exportBlocked')}
        >
          {t(`rubric.export.${format}`)}
        </Button>
      ))}
    </Group>
  );
}

export function RubricScreen({ view }: { view: RubricView }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const draft = useRubricStore((s) => s.draft);
  const error = useRubricStore((s) => s.error);
  const busy = useRubricStore((s) => s.busy);
  const importedFrom = useRubricStore((s) => s.importedFrom);
  const clearError = useRubricStore((s) => s.clearError);
  const importFile = useRubricStore((s) => s.importFile);
  const loadTemplates = useRubricStore((s) => s.loadTemplates);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void loadTemplates();
  }, [loadTemplates]);
  // Without a draft there is only the start.
  useEffect(() => {
    if (!draft && view !== 'start') navigate({ name: 'rubrics', view: 'start' }, { replace: true });
  }, [draft, view]);

  const onInput = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (file) void importFile(file).then((ok) => ok && navigate({ name: 'rubrics', view: 'edit' }));
  };

  return (
    <Container size={1400} py="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3}>{t('rubric.title')}</Title>
            <Text c="dimmed" size="sm" data-testid="rubric-subtitle">
              {draft
                ? `${pick(draft.title, locale)} · ${draft.id} v${draft.version}${importedFrom ? ` · ${t('rubric.importedFrom', { file: importedFrom })}` : ''}`
                : t('rubric.subtitle')}
            </Text>
          </div>
          <Group gap="sm">
            <input ref={fileInput} type="file" accept=".json,.xlsx" hidden onChange={onInput} data-testid="rubric-file-input" />
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileImport size={16} />}
              loading={busy}
              onClick={() => fileInput.current?.click()}
              data-testid="rubric-import"
            >
              {t('rubric.import')}
            </Button>
            {draft && <ExportButtons />}
          </Group>
        </Group>
        {error && <ErrorAlert error={error} onClose={clearError} testId="rubric-error" />}
        <Tabs value={view} onChange={(v) => v && navigate({ name: 'rubrics', view: v as RubricView })} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="start" leftSection={<IconTemplate size={16} />} data-testid="tab-rubric-start">
              {t('rubric.tabs.start')}
            </Tabs.Tab>
            <Tabs.Tab value="edit" leftSection={<IconPencil size={16} />} disabled={!draft} data-testid="tab-rubric-edit">
              {t('rubric.tabs.edit')}
            </Tabs.Tab>
            <Tabs.Tab value="preview" leftSection={<IconEye size={16} />} disabled={!draft} data-testid="tab-rubric-preview">
              {t('rubric.tabs.preview')}
            </Tabs.Tab>
            <Tabs.Tab value="diff" leftSection={<IconGitCompare size={16} />} disabled={!draft} data-testid="tab-rubric-diff">
              {t('rubric.tabs.diff')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="start">
            <StartView />
          </Tabs.Panel>
          <Tabs.Panel value="edit">
            <EditView />
          </Tabs.Panel>
          <Tabs.Panel value="preview">
            <RubricPreview />
          </Tabs.Panel>
          <Tabs.Panel value="diff">
            <RubricDiff />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Container>
  );
}
