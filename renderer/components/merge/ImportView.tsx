/**
 * Import and check: the ledger, a drop zone for score bundles (files or whole
 * folders), and every kept file with its verdict and reason.
 */
import { Alert, Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconFileImport, IconFolderOpen, IconInbox, IconInfoCircle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/i18n-text.ts';
import { useLocale } from '../../i18n/index.ts';
import { droppedFiles } from '../../lib/dropped.ts';
import { formatBytes, formatDateTime } from '../../lib/format.ts';
import { useMergeStore } from '../../state/merge.ts';
import { VERDICT_COLOR } from './labels.ts';

export function ImportView(): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = useMergeStore((s) => s.state);
  const busy = useMergeStore((s) => s.busy);
  const lastImport = useMergeStore((s) => s.lastImport);
  const importFiles = useMergeStore((s) => s.importFiles);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const files = state?.files ?? [];
  const count = (status: string): number => files.filter((f) => f.status === status).length;
  const ledger = state?.ledger ?? null;

  const onInput = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const list = Array.from(e.currentTarget.files ?? []);
    e.currentTarget.value = '';
    if (list.length) void importFiles(list);
  };

  return (
    <Stack gap="md">
      {ledger ? (
        <Paper withBorder p="md" radius="md" data-testid="ledger">
          <SimpleGrid cols={4} spacing="md">
            <Field label={t('merge.ledger.round')} value={pick(ledger.round.title, locale)} sub={ledger.round.id} />
            <Field
              label={t('merge.ledger.rubric')}
              value={ledger.rubrics.map((r) => pick(r.title, locale)).join('；')}
              sub={ledger.rubrics
                .map((r) =>
                  t('merge.ledger.rubricSub', {
                    version: r.version,
                    total: r.totalPoints,
                    pass: r.passThreshold,
                    mark: r.scoringDefault ? t('merge.ledger.defaultMark') : '',
                    applications: r.applications,
                  }),
                )
                .join('；')}
            />
            <Field
              label={t('merge.ledger.panel')}
              value={t('merge.ledger.panelValue', { experts: ledger.experts, applications: ledger.applications })}
              sub={t('merge.ledger.issued', { date: formatDateTime(ledger.createdAt, locale) })}
            />
            <Field
              label={t('merge.ledger.file')}
              value={ledger.fileName}
              sub={t('merge.ledger.verified')}
              testId="ledger-verified"
              mono={`SHA-256 ${ledger.sha256.slice(0, 16)}…`}
            />
          </SimpleGrid>
        </Paper>
      ) : (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} />} title={t('merge.ledger.none')} data-testid="ledger-missing">
          {t('merge.ledger.noneHint')}
        </Alert>
      )}

      <Paper
        withBorder
        p="lg"
        radius="md"
        data-testid="merge-drop-zone"
        data-over={over}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: over ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-4)',
          background: over ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-white)',
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          // Handled here; the window's own drop handler sees defaultPrevented and only resets its overlay.
          e.preventDefault();
          setOver(false);
          void droppedFiles(e.dataTransfer).then((list) => (list.length ? importFiles(list) : undefined));
        }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <IconInbox size={40} stroke={1.3} color="var(--mantine-color-blue-7)" />
            <div>
              <Text fw={600}>{t(ledger ? 'merge.drop.title' : 'merge.drop.titleLedger')}</Text>
              <Text size="sm" c="dimmed">
                {t('merge.drop.hint')}
              </Text>
            </div>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconFolderOpen size={18} />}
              onClick={() => folderInput.current?.click()}
              disabled={busy}
              data-testid="merge-choose-folder"
            >
              {t('merge.drop.chooseFolder')}
            </Button>
            <Button
              leftSection={<IconFileImport size={18} />}
              onClick={() => fileInput.current?.click()}
              loading={busy}
              data-testid="merge-choose-files"
            >
              {t('merge.drop.chooseFiles')}
            </Button>
          </Group>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".rsb,.json,.sig"
            hidden
            data-testid="merge-file-input"
            aria-label={t('merge.drop.chooseFiles')}
            onChange={onInput}
          />
          <input
            ref={folderInput}
            type="file"
            multiple
            hidden
            data-testid="merge-folder-input"
            aria-label={t('merge.drop.chooseFolder')}
            onChange={onInput}
            {...{ webkitdirectory: '' }}
          />
        </Group>
      </Paper>

      {lastImport && (
        <Alert color="gray" variant="light" data-testid="last-import" py="xs">
          <Text size="sm">
            {lastImport.ledger && `${t('merge.drop.ledgerSet')} `}
            {lastImport.offered > 0 && t('merge.drop.result', { offered: lastImport.offered, added: lastImport.added })}
            {lastImport.ignored.length > 0 && ` ${t('merge.drop.ignored', { files: lastImport.ignored.join('、') })}`}
          </Text>
        </Alert>
      )}

      {files.length > 0 && (
        <Group gap="xs" data-testid="verdict-summary">
          {(['accepted', 'superseded', 'duplicate', 'refused'] as const).map((s) => (
            <Badge key={s} size="lg" variant="light" color={VERDICT_COLOR[s]} data-testid={`count-${s}`} data-count={count(s)}>
              {t(`merge.status.${s}`)} {count(s)}
            </Badge>
          ))}
          <Text size="sm" c="dimmed" ml="sm">
            {t('merge.files.idempotent')}
          </Text>
        </Group>
      )}

      <Paper withBorder radius="md">
        <Table striped highlightOnHover verticalSpacing={6} data-testid="verdicts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>{t('merge.files.file')}</Table.Th>
              <Table.Th w={80}>{t('merge.files.expert')}</Table.Th>
              <Table.Th w={70}>{t('merge.files.revision')}</Table.Th>
              <Table.Th w={110}>{t('merge.files.verdict')}</Table.Th>
              <Table.Th>{t('merge.files.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {files.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed" size="sm" ta="center" py="md">
                    {t('merge.files.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {files.map((f) => (
              <Table.Tr key={f.sha256} data-testid={`file-row-${f.n}`}>
                <Table.Td c="dimmed">{f.n}</Table.Td>
                <Table.Td>
                  <Tooltip label={`SHA-256 ${f.sha256}`} openDelay={400}>
                    <Text size="sm" fw={500}>
                      {f.fileName}
                    </Text>
                  </Tooltip>
                  <Text size="xs" c="dimmed">
                    {formatBytes(f.size)} · {formatDateTime(f.importedAt, locale)}
                  </Text>
                </Table.Td>
                <Table.Td>{f.expertId ?? '—'}</Table.Td>
                <Table.Td>{f.revision ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={VERDICT_COLOR[f.status]} data-testid={`verdict-${f.n}`} data-status={f.status}>
                    {t(`merge.status.${f.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{pick(f.reason, locale)}</Text>
                  {f.code && <Code fz="xs">{f.code}</Code>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

function Field({
  label,
  value,
  sub,
  mono,
  testId,
}: {
  label: string;
  value: string;
  sub?: string;
  mono?: string;
  testId?: string;
}): React.JSX.Element {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={600} lineClamp={2}>
        {value}
      </Text>
      {sub && (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      )}
      {mono && (
        <Text size="xs" c="dimmed" ff="monospace">
          {mono}
        </Text>
      )}
    </div>
  );
}
