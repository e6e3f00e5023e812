/**
 * One package: first the confidentiality pledge, then its home — the assigned
 * applications with their conflict-of-interest declarations and progress.
 */
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Container,
  Group,
  Loader,
  Progress,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowRight, IconCheck, IconFileCheck, IconLock, IconMapPinCheck, IconUserOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationSummary, PackageDetail } from '../../shared/ipc/contract.ts';
import { pick } from '../../shared/i18n-text.ts';
import { ConflictDialog } from '../components/ConflictDialog.tsx';
import { Countdown } from '../components/Countdown.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PledgeView } from '../components/PledgeView.tsx';
import { useLocale } from '../i18n/index.ts';
import { formatDateTime, formatTotal } from '../lib/format.ts';
import { hrefFor } from '../router.ts';
import { usePackageStore } from '../state/packages.ts';
import { type ApiError, toApiError } from '../api/client.ts';

/** Loads a package's detail once (and again when asked). */
export function usePackage(packageId: string): { detail: PackageDetail | undefined; error: ApiError | null | undefined } {
  const detail = usePackageStore((s) => s.details[packageId]);
  const error = usePackageStore((s) => s.errors[packageId]);
  useEffect(() => {
    void usePackageStore.getState().load(packageId);
  }, [packageId]);
  return { detail, error };
}

export function PackageScreen({ packageId }: { packageId: string }): React.JSX.Element {
  const { detail, error } = usePackage(packageId);
  if (error) return <ErrorPage error={error} />;
  if (!detail) return <LoadingPage />;
  if (!detail.summary.pledgeAcceptedAt) return <PledgeView detail={detail} />;
  return <PackageHome detail={detail} />;
}

export function LoadingPage(): React.JSX.Element {
  return (
    <Center py={80}>
      <Loader />
    </Center>
  );
}

export function ErrorPage({ error }: { error: ApiError }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <ErrorAlert error={error} />
        <Anchor href="#/packages">{t('packages.back')}</Anchor>
      </Stack>
    </Container>
  );
}

export function PackageCrumbs({ detail, children }: { detail: PackageDetail; children?: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap' }}>
      <Anchor href="#/packages" size="sm">
        {t('packages.title')}
      </Anchor>
      <Anchor href={hrefFor({ name: 'package', packageId: detail.summary.packageId })} size="sm">
        {pick(detail.summary.round.title, locale)}
      </Anchor>
      {children}
    </Breadcrumbs>
  );
}

function PackageHome({ detail }: { detail: PackageDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const s = detail.summary;
  const [conflictFor, setConflictFor] = useState<ApplicationSummary | null>(null);
  return (
    <Container size="xl" py="lg">
      <Stack gap="md">
        <PackageCrumbs detail={detail} />
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2}>{pick(s.round.title, locale)}</Title>
            <Text c="dimmed" size="sm">
              {s.rubrics.map((r) => pick(r.title, locale)).join('；')} · {t('home.expert', { name: s.expert.displayName })} ·{' '}
              {t('home.pledgedAt', { date: formatDateTime(s.pledgeAcceptedAt ?? '', locale) })}
            </Text>
          </div>
          <Group>
            <Countdown deadline={s.deadline} />
            <Button
              component="a"
              href={hrefFor({ name: 'finish', packageId: s.packageId })}
              leftSection={<IconFileCheck size={18} />}
              data-testid="finish-package"
            >
              {t('home.finishPackage')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('home.intro')}
        </Text>
        <Stack gap="sm" data-testid="application-list">
          {detail.applications.map((a) => (
            <ApplicationRow key={a.id} packageId={s.packageId} app={a} onDeclare={() => setConflictFor(a)} />
          ))}
        </Stack>
      </Stack>
      <ConflictDialog packageId={s.packageId} application={conflictFor} onClose={() => setConflictFor(null)} />
    </Container>
  );
}

function ApplicationRow({
  packageId,
  app,
  onDeclare,
}: {
  packageId: string;
  app: ApplicationSummary;
  onDeclare: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const declare = usePackageStore((s) => s.declareConflict);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const recused = app.conflict?.status === 'recused';
  const p = app.progress;
  const pct = p.total > 0 ? Math.round((p.scored / p.total) * 100) : 0;

  const declareNone = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await declare(packageId, app.id, 'none', '');
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid={`application-${app.id}`}
      data-conflict={app.conflict?.status ?? 'undeclared'}
      bg={recused ? 'gray.1' : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            {recused && <IconLock size={18} color="var(--mantine-color-gray-7)" aria-label={t('home.locked')} />}
            <Text fw={700} size="lg" lineClamp={1} c={recused ? 'dimmed' : undefined}>
              {pick(app.name, locale)}
            </Text>
            <Badge variant="light" color="gray" style={{ flex: 'none' }}>
              {t(`category.${app.category}`)}
            </Badge>
            {app.complete && !recused && (
              <Badge color="green" leftSection={<IconCheck size={12} />} style={{ flex: 'none' }}>
                {t('home.complete')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" lineClamp={1}>
            {pick(app.organisation, locale)}
            {app.field ? ` · ${pick(app.field, locale)}` : ''}
          </Text>
          {app.conflict === null && (
            <Stack gap={6} mt={6}>
              <Text size="sm" fw={500} c="orange.8">
                {t('conflict.prompt')}
              </Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  color="green"
                  onClick={() => void declareNone()}
                  loading={busy}
                  data-testid={`conflict-none-${app.id}`}
                >
                  {t('conflict.none')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconUserOff size={14} />}
                  onClick={onDeclare}
                  data-testid={`conflict-recuse-${app.id}`}
                >
                  {t('conflict.recuse')}
                </Button>
              </Group>
              {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
            </Stack>
          )}
          {recused && (
            <Text size="sm" mt={4} data-testid={`recused-${app.id}`}>
              <Badge color="gray" variant="filled" mr={8}>
                {t('conflict.recusedBadge')}
              </Badge>
              {t('conflict.recusedReason', { reason: app.conflict?.reason })}
            </Text>
          )}
          {app.conflict?.status === 'none' && (
            <Text size="xs" c="dimmed" mt={2}>
              {t('conflict.declaredNone', { date: formatDateTime(app.conflict.declaredAt, locale) })}
            </Text>
          )}
        </Stack>
        {app.conflict?.status === 'none' && (
          <Stack gap={6} w={360} style={{ flex: 'none' }}>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('home.scored', { scored: p.scored, total: p.total })}
              </Text>
              <Text size="xs" fw={600} data-testid={`total-${app.id}`}>
                {t('home.total', { total: formatTotal(app.total) })}
              </Text>
            </Group>
            <Progress
              value={pct}
              color={app.complete ? 'green' : 'blue'}
              aria-label={t('home.scored', { scored: p.scored, total: p.total })}
              data-testid={`progress-${app.id}`}
            />
            <Group gap="xs">
              <Badge size="sm" variant="light" color={p.missingComments ? 'orange' : 'gray'} style={{ textTransform: 'none' }}>
                {t('home.missingComments', { count: p.missingComments })}
              </Badge>
              <Badge size="sm" variant="light" color={p.failedGates ? 'red' : 'gray'} style={{ textTransform: 'none' }}>
                {t('home.failedGates', { count: p.failedGates })}
              </Badge>
            </Group>
            <Group gap="xs" justify="flex-end">
              <Tooltip label={t('visit.openHint')}>
                <Button
                  size="xs"
                  variant="default"
                  component="a"
                  href={hrefFor({ name: 'visit', packageId, applicationId: app.id })}
                  leftSection={<IconMapPinCheck size={14} />}
                  data-testid={`visit-${app.id}`}
                >
                  {t('visit.open')}
                </Button>
              </Tooltip>
              <Tooltip label={t('home.finishHint')}>
                <Button
                  size="xs"
                  variant="default"
                  component="a"
                  href={hrefFor({ name: 'finish', packageId, applicationId: app.id })}
                  data-testid={`finish-${app.id}`}
                >
                  {t('home.finish')}
                </Button>
              </Tooltip>
              <Button
                size="xs"
                component="a"
                href={hrefFor({ name: 'review', packageId, applicationId: app.id })}
                rightSection={<IconArrowRight size={14} />}
                data-testid={`review-${app.id}`}
              >
                {p.scored > 0 ? t('home.continueReview') : t('home.startReview')}
              </Button>
            </Group>
          </Stack>
        )}
      </Group>
    </Card>
  );
}
