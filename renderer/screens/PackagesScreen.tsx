/**
 * The review packages on this computer, side by side, and opening a new one:
 * drop a .rpkg anywhere (or on the zone), or pick it with the file dialog.
 */
import { Alert, Badge, Button, Card, Code, Container, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconCircleCheck, IconFileImport, IconPackage, IconShieldCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageSummary } from '../../shared/ipc/contract.ts';
import { pick } from '../../shared/i18n-text.ts';
import { Countdown } from '../components/Countdown.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { useLocale } from '../i18n/index.ts';
import { formatDateTime } from '../lib/format.ts';
import { hrefFor, navigate } from '../router.ts';
import { useAppStore } from '../state/app.ts';

type AppState = NonNullable<ReturnType<typeof useAppStore.getState>['state']>;
// Stable empty lists: a selector returning a new array on every call would re-render without end.
const NO_PACKAGES: AppState['packages'] = [];
const NO_NOTICES: AppState['exportNotices'] = [];

export function PackagesScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const packages = useAppStore((s) => s.state?.packages ?? NO_PACKAGES);
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2}>{t('packages.title')}</Title>
            <Text c="dimmed" size="sm">
              {t('packages.intro')}
            </Text>
          </div>
          <Button
            component="a"
            href={hrefFor({ name: 'trust' })}
            variant="subtle"
            leftSection={<IconShieldCheck size={18} />}
            data-testid="trust-link"
          >
            {t('trust.manage')}
          </Button>
        </Group>
        <ExportNotices />
        <ImportPanel />
        {packages.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl" data-testid="no-packages">
            {t('packages.none')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="package-list">
            {packages.map((p) => (
              <PackageCard key={p.packageId} pkg={p} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Container>
  );
}

/** Score files the workspace set aside when it opened: said once, until the reviewer dismisses it. */
function ExportNotices(): React.JSX.Element | null {
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.state?.exportNotices ?? NO_NOTICES);
  const dismiss = useAppStore((s) => s.dismissExportNotices);
  if (notices.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertOctagon size={20} />}
      title={t('exportNotices.title', { count: notices.length })}
      data-testid="export-notices"
    >
      <Stack gap={6}>
        <Text size="sm">{t('exportNotices.body', { folder: 'exports/set-aside/' })}</Text>
        {notices.map((n) => (
          <Text key={n.storedPath} size="sm" ff="monospace" data-testid="export-notice">
            {t('exportNotices.item', { file: n.storedPath, reason: t(`exportNotices.${n.reason}`) })}
            {n.revision !== null ? ` · ${t('exportNotices.revision', { revision: n.revision })}` : ''}
          </Text>
        ))}
        <Group>
          <Button size="xs" variant="default" onClick={() => void dismiss()} data-testid="export-notices-dismiss">
            {t('exportNotices.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function ImportPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const imp = useAppStore((s) => s.import);
  const progress = useAppStore((s) => s.progress.import);
  const importFile = useAppStore((s) => s.importFile);
  const dismissImport = useAppStore((s) => s.dismissImport);
  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;

  return (
    <Stack gap="sm">
      <Paper
        withBorder
        p="lg"
        radius="md"
        data-testid="drop-zone"
        data-over={over}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: over ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-4)',
          background: over ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-white)',
        }}
        onDragEnter={() => setOver(true)}
        onDragLeave={() => setOver(false)}
        onDrop={() => setOver(false)}
      >
        <Group justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <IconPackage size={40} stroke={1.3} color="var(--mantine-color-blue-7)" />
            <div>
              <Text fw={600}>{t('packages.dropTitle')}</Text>
              <Text size="sm" c="dimmed">
                {t('packages.dropHint')}
              </Text>
            </div>
          </Group>
          <Button
            leftSection={<IconFileImport size={18} />}
            onClick={() => input.current?.click()}
            loading={imp.busy}
            data-testid="open-package"
          >
            {t('packages.choose')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".rpkg"
            hidden
            data-testid="file-input"
            aria-label={t('packages.choose')}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </Group>
        {imp.busy && (
          <Stack gap={4} mt="md" data-testid="import-progress">
            <Text size="sm">{t('packages.importing', { file: imp.fileName })}</Text>
            <Progress value={pct ?? 100} animated striped={pct === null} aria-label={t('packages.importing', { file: imp.fileName })} />
          </Stack>
        )}
      </Paper>

      {imp.error && imp.error.code !== 'E_SECRETARIAT_KEY_CONFLICT' && (
        <ErrorAlert error={imp.error} title={t('packages.refused', { file: imp.fileName })} testId="import-error" onClose={dismissImport} />
      )}

      {imp.error?.code === 'E_SECRETARIAT_KEY_CONFLICT' && (
        <Alert
          color="red"
          variant="filled"
          icon={<IconAlertOctagon size={28} />}
          title={t('trust.conflictTitle', { file: imp.fileName })}
          data-testid="trust-conflict"
          data-error-code={imp.error.code}
          role="alert"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={dismissImport}
          styles={{ title: { fontSize: 18 } }}
        >
          <Stack gap="sm">
            <Text fw={500}>{imp.error.text(locale)}</Text>
            <Paper p="sm" radius="sm" bg="red.0" c="dark">
              <Stack gap={6}>
                <Text size="sm">{t('trust.conflictPinned', { organisation: String(imp.error.params.organisation ?? '') })}</Text>
                {String(imp.error.params.pinned ?? '')
                  .split(', ')
                  .map((f) => (
                    <Fingerprint key={f} value={f} size="lg" testId="conflict-pinned" />
                  ))}
                <Text size="sm" mt={6}>
                  {t('trust.conflictActual')}
                </Text>
                <Fingerprint value={String(imp.error.params.actual ?? '')} size="lg" color="red.8" testId="conflict-actual" />
              </Stack>
            </Paper>
            <Text size="xs">
              {t('error.code')}{' '}
              <Code c="dark" bg="red.0">
                {imp.error.code}
              </Code>
            </Text>
          </Stack>
        </Alert>
      )}

      {imp.refusedFile && (
        <Alert color="gray" withCloseButton closeButtonLabel={t('common.close')} onClose={dismissImport} data-testid="trust-refused">
          {t('trust.refused', { file: imp.refusedFile })}
        </Alert>
      )}

      {imp.imported && (
        <Alert
          color="green"
          icon={<IconCircleCheck size={20} />}
          title={t('packages.imported', { round: pick(imp.imported.round.title, locale) })}
          data-testid="import-success"
        >
          <Group justify="space-between">
            <Stack gap={2}>
              <Text size="sm">
                {t('packages.signedBy', { name: imp.imported.signer.displayName, organisation: imp.imported.signer.organisation })}
              </Text>
              <Fingerprint value={imp.imported.signer.fingerprint} size="sm" />
            </Stack>
            <Button
              onClick={() => imp.imported && navigate({ name: 'package', packageId: imp.imported.packageId })}
              data-testid="open-imported"
            >
              {t('packages.open')}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

function PackageCard({ pkg }: { pkg: PackageSummary }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const active = pkg.applications - pkg.recusedApplications;
  const pct = active > 0 ? Math.round((pkg.completeApplications / active) * 100) : 100;
  return (
    <Card withBorder radius="md" padding="md" data-testid={`package-${pkg.packageId}`}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Text fw={700} size="lg" lineClamp={2}>
              {pick(pkg.round.title, locale)}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {pkg.rubrics.map((r) => `${pick(r.title, locale)} · v${r.version}`).join('；')}
            </Text>
          </div>
          {pkg.pledgeAcceptedAt ? null : (
            <Badge color="orange" variant="light" style={{ flex: 'none' }}>
              {t('packages.pledgePending')}
            </Badge>
          )}
        </Group>
        <Countdown deadline={pkg.deadline} testId={`deadline-${pkg.packageId}`} />
        <div>
          <Text size="xs" c="dimmed">
            {t('packages.signer')}
          </Text>
          <Text size="sm">
            {pkg.signer.displayName}
            {pkg.signer.organisation ? ` · ${pkg.signer.organisation}` : ''}
          </Text>
          <Fingerprint value={pkg.signer.fingerprint} size="sm" />
        </div>
        <div>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('packages.progress', { done: pkg.completeApplications, total: active })}
            </Text>
            {pkg.recusedApplications > 0 && (
              <Text size="xs" c="dimmed">
                {t('packages.recusedCount', { count: pkg.recusedApplications })}
              </Text>
            )}
          </Group>
          <Progress
            value={pct}
            mt={4}
            color={pct === 100 ? 'green' : 'blue'}
            aria-label={t('packages.progress', { done: pkg.completeApplications, total: active })}
          />
        </div>
        <Text size="xs" c="dimmed">
          {pkg.lastExport
            ? t('packages.lastExport', { revision: pkg.lastExport.revision, date: formatDateTime(pkg.lastExport.at, locale) })
            : t('packages.neverExported')}
          {pkg.lastExport && pkg.changedSinceExport ? ` · ${t('packages.changedSinceExport')}` : ''}
        </Text>
        <Group justify="flex-end" mt="auto">
          <Button
            component="a"
            href={hrefFor({ name: 'package', packageId: pkg.packageId })}
            variant="light"
            data-testid={`open-${pkg.packageId}`}
          >
            {t('packages.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
