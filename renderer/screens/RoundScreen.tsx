/**
 * 评审批次 / Review round: the secretariat prepares its round — create it, import the application list with the
 * dossiers and the expert roster with the cards, resolve the flagged conflicts, draw from a recorded seed, build
 * the packages with their issue sheet, and see who has returned what. Every step calls the same functions as
 * `reviewdesk round …` (electron/rounds/), so a round prepared here replays from the command line.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Container,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowsShuffle,
  IconBuildingFactory2,
  IconCalendarEvent,
  IconDownload,
  IconFileTypePdf,
  IconInbox,
  IconPackage,
  IconShieldCheck,
  IconUsers,
} from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../shared/i18n-text.ts';
import type { ImportReport, RoundState } from '../../shared/ipc/contract.ts';
import { EXPERTISE, type Expertise } from '../../shared/round/model.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { useLocale } from '../i18n/index.ts';
import { formatBeijing, formatBytes } from '../lib/format.ts';
import { navigate, type RoundView } from '../router.ts';
import { useAppStore } from '../state/app.ts';
import { useMergeStore } from '../state/merge.ts';
import { useRoundStore } from '../state/round.ts';

type Round = NonNullable<RoundState['round']>;
const NO_FILES: File[] = [];

export function RoundScreen({ view }: { view: RoundView }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = useRoundStore((s) => s.state);
  const error = useRoundStore((s) => s.error);
  const clearError = useRoundStore((s) => s.clearError);
  const load = useRoundStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  const round = state?.round ?? null;
  const drawn = round ? Object.keys(round.assignments).length > 0 : false;
  const tab = (value: RoundView, icon: React.ReactNode, disabled = false): React.JSX.Element => (
    <Tabs.Tab value={value} leftSection={icon} disabled={disabled} data-testid={`round-tab-${value}`}>
      {t(`round.tabs.${value}`)}
    </Tabs.Tab>
  );
  return (
    <Container size={1240} py="md">
      <Stack gap="md">
        <div>
          <Title order={3}>{t('round.title')}</Title>
          <Text c="dimmed" size="sm" data-testid="round-subtitle">
            {round ? `${pick(round.title, locale)} · ${round.id}` : t('round.subtitle')}
          </Text>
        </div>
        {error && <ErrorAlert error={error} onClose={clearError} testId="round-error" />}
        {!state ? (
          <Loader />
        ) : (
          <Tabs value={view} onChange={(v) => v && navigate({ name: 'round', view: v as RoundView })} keepMounted={false}>
            <Tabs.List mb="md">
              {tab('setup', <IconCalendarEvent size={16} />)}
              {tab('applications', <IconBuildingFactory2 size={16} />, !round)}
              {tab('experts', <IconUsers size={16} />, !round)}
              {tab('conflicts', <IconShieldCheck size={16} />, !round)}
              {tab('draw', <IconArrowsShuffle size={16} />, !round)}
              {tab('packages', <IconPackage size={16} />, !drawn)}
              {tab('returns', <IconInbox size={16} />, !round || Object.keys(round.issued).length === 0)}
            </Tabs.List>
            <Tabs.Panel value="setup">{round ? <RoundSummary round={round} /> : <CreateRound />}</Tabs.Panel>
            <Tabs.Panel value="applications">{round && <ApplicationsView round={round} />}</Tabs.Panel>
            <Tabs.Panel value="experts">{round && <ExpertsView round={round} />}</Tabs.Panel>
            <Tabs.Panel value="conflicts">{round && <ConflictsView round={round} />}</Tabs.Panel>
            <Tabs.Panel value="draw">{round && <DrawView round={round} />}</Tabs.Panel>
            <Tabs.Panel value="packages">{round && <PackagesView round={round} />}</Tabs.Panel>
            <Tabs.Panel value="returns">{round && <ReturnsView round={round} />}</Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </Container>
  );
}

/** `2026-12-20 17:00` typed in Beijing time → ISO 8601 with +08:00. */
function beijingInput(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '17'}:${m[5] ?? '00'}:00+08:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

function CreateRound(): React.JSX.Element {
  const { t } = useTranslation();
  const create = useRoundStore((s) => s.create);
  const busy = useRoundStore((s) => s.busy);
  const [title, setTitle] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [id, setId] = useState('');
  const [stage, setStage] = useState<'selection' | 'annual' | 'periodic'>('selection');
  const [deadline, setDeadline] = useState('');
  const [perApplication, setPer] = useState<number>(3);
  const [reserves, setReserves] = useState<number>(1);
  const [mix, setMix] = useState<Partial<Record<Expertise, number>>>({});
  const iso = beijingInput(deadline);
  const idOk = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id);
  return (
    <Paper withBorder p="md" maw={760}>
      <Stack gap="sm">
        <Text fw={600}>{t('round.create.heading')}</Text>
        <TextInput
          label={t('round.create.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          data-testid="round-title"
        />
        <TextInput
          label={t('round.create.titleEn')}
          value={titleEn}
          onChange={(e) => setTitleEn(e.currentTarget.value)}
          data-testid="round-title-en"
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('round.create.id')}
            description={t('round.create.idHint')}
            value={id}
            onChange={(e) => setId(e.currentTarget.value)}
            error={id && !idOk ? t('round.create.idBad') : undefined}
            required
            data-testid="round-id"
          />
          <Select
            label={t('round.create.stage')}
            value={stage}
            onChange={(v) => v && setStage(v as typeof stage)}
            data={(['selection', 'annual', 'periodic'] as const).map((s) => ({ value: s, label: t(`round.stage.${s}`) }))}
            allowDeselect={false}
            data-testid="round-stage"
          />
          <TextInput
            label={t('round.create.deadline')}
            description={t('round.create.deadlineHint')}
            placeholder="2026-12-20 17:00"
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
            error={deadline && !iso ? t('round.create.deadlineBad') : undefined}
            required
            data-testid="round-deadline"
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('round.create.perApplication')}
            min={1}
            max={20}
            value={perApplication}
            onChange={(v) => setPer(Number(v) || 1)}
            data-testid="round-per-application"
          />
          <NumberInput
            label={t('round.create.reserves')}
            min={0}
            max={5}
            value={reserves}
            onChange={(v) => setReserves(Number(v) || 0)}
            data-testid="round-reserves"
          />
        </Group>
        <Text size="sm" fw={500}>
          {t('round.create.mix')}
        </Text>
        <SimpleGrid cols={5}>
          {EXPERTISE.map((e) => (
            <NumberInput
              key={e}
              label={t(`round.expertise.${e}`)}
              min={0}
              max={20}
              value={mix[e] ?? 0}
              onChange={(v) => setMix({ ...mix, [e]: Number(v) || 0 })}
              data-testid={`round-mix-${e}`}
            />
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('round.defaultsNote')}
        </Text>
        <Group>
          <Button
            loading={busy === 'create'}
            disabled={!title.trim() || !idOk || !iso}
            onClick={() =>
              void create({
                id,
                title: title.trim(),
                ...(titleEn.trim() ? { titleEn: titleEn.trim() } : {}),
                stage,
                deadline: iso ?? '',
                perApplication,
                reserves,
                mix,
              }).then((ok) => ok && navigate({ name: 'round', view: 'applications' }))
            }
            data-testid="round-create"
          >
            {t('round.create.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function RoundSummary({ round }: { round: Round }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const pending = round.conflicts.filter((c) => !c.decision).length;
  const rows: [string, React.ReactNode][] = [
    [t('round.summary.stage'), round.stage ? t(`round.stage.${round.stage}`) : '—'],
    [t('round.summary.deadline'), `${formatBeijing(round.deadline)} ${t('round.beijing')}`],
    [
      t('round.summary.rubrics'),
      <Stack gap={2} key="r">
        {round.rubrics.map((r) => (
          <Text size="sm" key={r.id}>
            {r.appliesTo.map((c) => t(`round.category.${c}`)).join(' / ')}：{pick(r.title, locale)}（{r.id} v{r.version}）
          </Text>
        ))}
      </Stack>,
    ],
    [
      t('round.summary.panel'),
      t('round.summary.panelText', {
        n: round.panel.perApplication,
        r: round.panel.reserves,
        years: round.panel.conflictYears,
        mix:
          EXPERTISE.filter((e) => (round.panel.mix[e] ?? 0) > 0)
            .map((e) => `${t(`round.expertise.${e}`)} ${round.panel.mix[e]}`)
            .join('、') || '—',
      }),
    ],
    [
      t('round.summary.counts'),
      t('round.summary.countsText', { a: round.applications.length, e: round.experts.length, c: round.conflicts.length, p: pending }),
    ],
  ];
  return (
    <Paper withBorder p="md" maw={900} data-testid="round-summary">
      <Table>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w={180}>{k}</Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {t('round.defaultsNote')}
      </Text>
    </Paper>
  );
}

function ReportView({ report }: { report: ImportReport }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = (p: ImportReport['problems'][number]): string => p.message[locale === 'en' ? 'en' : 'zh-CN'];
  return (
    <Alert
      color={report.applied ? (report.warnings.length ? 'orange' : 'green') : 'red'}
      variant="light"
      title={
        report.applied
          ? t('round.report.applied', { read: report.read, added: report.added.length, updated: report.updated.length })
          : t('round.report.refused', { read: report.read, count: report.problems.length })
      }
      data-testid="round-report"
      data-applied={report.applied}
    >
      {[...report.warnings, ...report.problems].length > 0 && (
        <Table fz="sm" data-testid="round-report-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('round.report.row')}</Table.Th>
              <Table.Th w={140}>{t('round.report.column')}</Table.Th>
              <Table.Th>{t('round.report.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...report.warnings, ...report.problems].map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td>{p.row || '—'}</Table.Td>
                <Table.Td>{p.column ?? '—'}</Table.Td>
                <Table.Td>
                  <Code>{p.code}</Code> {text(p)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Alert>
  );
}

/** A file or folder picker: a button, what was picked, and the hidden input (a folder's files carry their relative paths). */
function Picker({
  label,
  files,
  onChange,
  testId,
  accept,
  multiple = false,
  folder = false,
}: {
  label: string;
  files: File[];
  onChange: (f: File[]) => void;
  testId: string;
  accept?: string;
  multiple?: boolean;
  folder?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (folder) input.current?.setAttribute('webkitdirectory', '');
  }, [folder]);
  const folders = new Set(files.map((f) => (f.webkitRelativePath || f.name).split('/').slice(0, -1).join('/')));
  const summary = !files.length
    ? t('round.applications.noFolder')
    : folder
      ? t('round.applications.folderPicked', { files: files.length, folders: folders.size })
      : files.length === 1
        ? (files[0]?.name ?? '')
        : t('round.pickedFiles', { n: files.length });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="sm" wrap="nowrap">
        <Button variant="default" onClick={() => input.current?.click()}>
          {folder ? t('round.applications.pickFolder') : t('round.pickFile')}
        </Button>
        <Text size="sm" c="dimmed" maw={260} truncate data-testid={`${testId}-summary`}>
          {summary}
        </Text>
      </Group>
      <input
        ref={input}
        type="file"
        multiple={multiple || folder}
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(e) => onChange(Array.from(e.currentTarget.files ?? []))}
      />
    </Stack>
  );
}

function ApplicationsView({ round }: { round: Round }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useRoundStore((s) => s.busy);
  const report = useRoundStore((s) => s.report);
  const importApplications = useRoundStore((s) => s.importApplications);
  const [list, setList] = useState<File[]>(NO_FILES);
  const [dossiers, setDossiers] = useState<File[]>(NO_FILES);
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm">{t('round.applications.help')}</Text>
          <Group align="flex-end" gap="lg">
            <Picker label={t('round.applications.list')} accept=".xlsx,.csv" files={list} onChange={setList} testId="round-app-list" />
            <Picker label={t('round.applications.dossiers')} files={dossiers} onChange={setDossiers} testId="round-app-dossiers" folder />
            <Button
              loading={busy === 'applications'}
              disabled={!list[0]}
              onClick={() => list[0] && void importApplications(list[0], dossiers)}
              data-testid="round-app-import"
            >
              {t('round.applications.import')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {report?.kind === 'applications' && <ReportView report={report.report} />}
      <Table striped withTableBorder fz="sm" data-testid="round-applications">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('round.applications.id')}</Table.Th>
            <Table.Th>{t('round.applications.applicant')}</Table.Th>
            <Table.Th>{t('round.applications.name')}</Table.Th>
            <Table.Th>{t('round.applications.category')}</Table.Th>
            <Table.Th>{t('round.applications.field')}</Table.Th>
            <Table.Th>{t('round.applications.files')}</Table.Th>
            <Table.Th>{t('round.applications.shareholders')}</Table.Th>
            <Table.Th>{t('round.applications.alliance')}</Table.Th>
            <Table.Th>{t('round.applications.excluded')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.applications.map((a) => (
            <Table.Tr key={a.id} data-testid={`round-app-${a.id}`}>
              <Table.Td>{a.id}</Table.Td>
              <Table.Td>{pick(a.organisation, locale)}</Table.Td>
              <Table.Td>{pick(a.name, locale)}</Table.Td>
              <Table.Td>{t(`round.category.${a.category}`)}</Table.Td>
              <Table.Td>{a.field ? pick(a.field, locale) : '—'}</Table.Td>
              <Table.Td>{a.files}</Table.Td>
              <Table.Td>{a.shareholders.join('；') || '—'}</Table.Td>
              <Table.Td>{a.allianceMembers.length ? t('round.applications.members', { n: a.allianceMembers.length }) : '—'}</Table.Td>
              <Table.Td>{a.excludedExperts.map((x) => (x.reason ? `${x.expert}（${x.reason}）` : x.expert)).join('；') || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {round.applications.length === 0 && <Text c="dimmed">{t('round.applications.none')}</Text>}
    </Stack>
  );
}

function ExpertsView({ round }: { round: Round }): React.JSX.Element {
  const { t } = useTranslation();
  const busy = useRoundStore((s) => s.busy);
  const report = useRoundStore((s) => s.report);
  const importExperts = useRoundStore((s) => s.importExperts);
  const [rosterFiles, setRoster] = useState<File[]>(NO_FILES);
  const roster = rosterFiles[0] ?? null;
  const [cards, setCards] = useState<File[]>(NO_FILES);
  const [confirmed, setConfirmed] = useState(false);
  const changed = report?.kind === 'experts' ? report.report.problems.filter((p) => p.code === 'E_CARD_CHANGED') : [];
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm">{t('round.experts.help')}</Text>
          <Group align="flex-end" gap="lg">
            <Picker
              label={t('round.experts.roster')}
              accept=".xlsx,.csv"
              files={rosterFiles}
              onChange={setRoster}
              testId="round-expert-roster"
            />
            <Picker
              label={t('round.experts.cards')}
              accept=".json"
              files={cards}
              onChange={setCards}
              testId="round-expert-cards"
              multiple
            />
            <Button
              loading={busy === 'experts'}
              disabled={!roster}
              onClick={() => roster && void importExperts(roster, cards, [])}
              data-testid="round-expert-import"
            >
              {t('round.experts.import')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {changed.length > 0 && (
        <Alert
          color="red"
          variant="filled"
          icon={<IconAlertTriangle />}
          title={t('round.experts.changedTitle')}
          data-testid="round-card-changed"
        >
          <Stack gap="xs">
            <Text size="sm">{t('round.experts.changedText')}</Text>
            <Checkbox
              color="white"
              label={t('round.experts.changedConfirm')}
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
              data-testid="round-card-confirm"
            />
            <Group>
              <Button
                color="white"
                variant="white"
                disabled={!confirmed || !roster}
                onClick={() => roster && void importExperts(roster, cards, changed.map((p) => p.subject ?? '').filter(Boolean))}
                data-testid="round-card-accept"
              >
                {t('round.experts.changedAccept')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {report?.kind === 'experts' && <ReportView report={report.report} />}
      <Table striped withTableBorder fz="sm" data-testid="round-experts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('round.experts.id')}</Table.Th>
            <Table.Th>{t('round.experts.name')}</Table.Th>
            <Table.Th>{t('round.experts.organisation')}</Table.Th>
            <Table.Th>{t('round.experts.fingerprint')}</Table.Th>
            <Table.Th>{t('round.experts.expertise')}</Table.Th>
            <Table.Th>{t('round.experts.fields')}</Table.Th>
            <Table.Th>{t('round.experts.former')}</Table.Th>
            <Table.Th>{t('round.experts.available')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.experts.map((e) => (
            <Table.Tr key={e.id} data-testid={`round-expert-${e.id}`}>
              <Table.Td>{e.id}</Table.Td>
              <Table.Td>{e.name}</Table.Td>
              <Table.Td>{e.organisation}</Table.Td>
              <Table.Td>
                <Fingerprint value={e.fingerprint} size="sm" />
              </Table.Td>
              <Table.Td>{e.expertise.map((x) => t(`round.expertise.${x}`)).join('、') || '—'}</Table.Td>
              <Table.Td>{e.fields.join('、') || '—'}</Table.Td>
              <Table.Td>
                {e.formerOrganisations.map((f) => t('round.experts.formerItem', { name: f.name, until: f.until })).join('；') || '—'}
              </Table.Td>
              <Table.Td>{e.available ? t('common.yes') : t('common.no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {round.experts.length === 0 && <Text c="dimmed">{t('round.experts.none')}</Text>}
    </Stack>
  );
}

const expertName = (round: Round, id: string): string => round.experts.find((e) => e.id === id)?.name ?? id;

function ConflictsView({ round }: { round: Round }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const decide = useRoundStore((s) => s.decide);
  const busy = useRoundStore((s) => s.busy);
  const [open, setOpen] = useState<{ expertId: string; applicationId: string; decision: 'confirmed' | 'overridden' } | null>(null);
  const [reason, setReason] = useState('');
  const appName = (id: string): string => {
    const a = round.applications.find((x) => x.id === id);
    return a ? pick(a.organisation, locale) : id;
  };
  return (
    <Stack gap="md">
      <Text size="sm">{t('round.conflicts.help', { years: round.panel.conflictYears })}</Text>
      {round.unmatchedExclusions.map((u) => (
        <Alert key={`${u.applicationId}-${u.expert}`} color="yellow" variant="light">
          {t('round.conflicts.unmatched', { application: u.applicationId, expert: u.expert })}
        </Alert>
      ))}
      {round.conflicts.length === 0 ? (
        <Text c="dimmed" data-testid="round-conflicts-none">
          {t('round.conflicts.none')}
        </Text>
      ) : (
        <Table withTableBorder fz="sm" data-testid="round-conflicts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('round.conflicts.expert')}</Table.Th>
              <Table.Th>{t('round.conflicts.application')}</Table.Th>
              <Table.Th>{t('round.conflicts.reasons')}</Table.Th>
              <Table.Th>{t('round.conflicts.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.conflicts.map((c) => (
              <Table.Tr key={`${c.expertId}-${c.applicationId}`} data-testid={`round-conflict-${c.expertId}-${c.applicationId}`}>
                <Table.Td>
                  {c.expertId} {expertName(round, c.expertId)}
                </Table.Td>
                <Table.Td>
                  {c.applicationId} {appName(c.applicationId)}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {c.findings.length === 0 && <Text size="sm">{t('round.conflicts.byDecision')}</Text>}
                    {c.findings.map((f, i) => (
                      <Text size="sm" key={i}>
                        {t(`round.reason.${f.reason}`)}
                        {f.relationship ? `（${t(`round.relationship.${f.relationship}`)}）` : ''}
                        {f.detail ? `：${f.detail}` : ''}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {c.decision ? (
                    <Stack gap={2}>
                      <Badge color={c.decision.decision === 'confirmed' ? 'red' : 'gray'}>
                        {t(`round.conflicts.${c.decision.decision}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {c.decision.reason}（{formatBeijing(c.decision.at)} {t('round.beijing')}）
                      </Text>
                    </Stack>
                  ) : (
                    <Badge color="orange">{t('round.conflicts.pending')}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!c.decision && (
                    <Group gap={6} wrap="nowrap">
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        onClick={() => setOpen({ ...c, decision: 'confirmed' })}
                        data-testid="round-conflict-confirm"
                      >
                        {t('round.conflicts.confirm')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setOpen({ ...c, decision: 'overridden' })}
                        data-testid="round-conflict-override"
                      >
                        {t('round.conflicts.override')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t(`round.conflicts.${open.decision === 'confirmed' ? 'confirm' : 'override'}`) : ''}
      >
        {open && (
          <Stack gap="sm">
            <Text size="sm">
              {open.expertId} {expertName(round, open.expertId)} × {open.applicationId} {appName(open.applicationId)}
            </Text>
            <Textarea
              label={t('round.conflicts.reason')}
              description={t('round.conflicts.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="round-conflict-reason"
            />
            <Group justify="flex-end">
              <Button
                loading={busy === 'decide'}
                disabled={!reason.trim()}
                onClick={() =>
                  void decide({
                    expertId: open.expertId,
                    applicationId: open.applicationId,
                    decision: open.decision,
                    reason: reason.trim(),
                  }).then((ok) => {
                    if (ok) {
                      setOpen(null);
                      setReason('');
                    }
                  })
                }
                data-testid="round-conflict-save"
              >
                {t('round.conflicts.save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function DrawView({ round }: { round: Round }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useRoundStore((s) => s.busy);
  const draw = useRoundStore((s) => s.draw);
  const adjust = useRoundStore((s) => s.adjust);
  const [seed, setSeed] = useState(round.draw?.seed ?? '');
  const [force, setForce] = useState(false);
  const [adj, setAdj] = useState<{ action: 'add' | 'remove'; expertId: string | null; applicationId: string | null; reason: string }>({
    action: 'remove',
    expertId: null,
    applicationId: null,
    reason: '',
  });
  const issued = Object.keys(round.issued).length > 0;
  const needsForce = issued && seed.trim() !== (round.draw?.seed ?? '');
  const pending = round.conflicts.filter((c) => !c.decision).length;
  const perApp = new Map<string, string[]>();
  for (const [e, apps] of Object.entries(round.assignments)) for (const a of apps) perApp.set(a, [...(perApp.get(a) ?? []), e]);
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm">{t('round.draw.help')}</Text>
          {pending > 0 && (
            <Alert color="orange" variant="light" data-testid="round-draw-pending">
              {t('round.draw.pending', { n: pending })}
            </Alert>
          )}
          <Group align="flex-end">
            <TextInput
              label={t('round.draw.seed')}
              description={t('round.draw.seedHint')}
              value={seed}
              onChange={(e) => setSeed(e.currentTarget.value)}
              w={360}
              data-testid="round-seed"
            />
            <Button
              loading={busy === 'draw'}
              disabled={!seed.trim() || (needsForce && !force)}
              onClick={() => void draw(seed.trim(), force)}
              data-testid="round-draw"
            >
              {t('round.draw.submit')}
            </Button>
          </Group>
          {needsForce && (
            <Checkbox
              label={t('round.draw.force')}
              checked={force}
              onChange={(e) => setForce(e.currentTarget.checked)}
              color="red"
              data-testid="round-draw-force"
            />
          )}
          <Text size="xs" c="dimmed">
            {t('round.draw.replay')} <Code>reviewdesk round replay</Code>
          </Text>
        </Stack>
      </Paper>
      {round.draw && (
        <>
          <Paper withBorder p="md" data-testid="round-draw-record">
            <Stack gap={4}>
              <Text size="sm">
                {t('round.draw.record', {
                  seed: round.draw.seed,
                  at: formatBeijing(round.draw.drawnAt),
                  algorithm: round.draw.algorithm,
                  n: round.draw.perApplication,
                  r: round.draw.reserves,
                })}{' '}
                <Badge color={round.draw.signed ? 'green' : 'gray'}>
                  {round.draw.signed ? t('round.draw.signed') : t('round.draw.unsigned')}
                </Badge>
              </Text>
              <Text size="xs" c="dimmed">
                {t('round.draw.inputs')} {t('round.draw.inputPool')} <Code>{round.draw.inputs.pool.slice(0, 16)}</Code>{' '}
                {t('round.draw.inputApplications')} <Code>{round.draw.inputs.applications.slice(0, 16)}</Code>{' '}
                {t('round.draw.inputConflicts')} <Code>{round.draw.inputs.conflicts.slice(0, 16)}</Code>
              </Text>
              {round.draw.shortfalls.map((f, i) => (
                <Text size="sm" c="orange" key={i} data-testid="round-shortfall">
                  {t(`round.shortfall.${f.kind}`, {
                    application: f.applicationId,
                    expertise: f.expertise ? t(`round.expertise.${f.expertise}`) : '',
                    wanted: f.wanted,
                    got: f.got,
                  })}
                </Text>
              ))}
            </Stack>
          </Paper>
          <Table withTableBorder fz="sm" data-testid="round-assignment">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('round.conflicts.application')}</Table.Th>
                <Table.Th>{t('round.draw.experts')}</Table.Th>
                <Table.Th>{t('round.draw.reserves')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {round.applications.map((a) => (
                <Table.Tr key={a.id} data-testid={`round-assigned-${a.id}`}>
                  <Table.Td>
                    {a.id} {pick(a.organisation, locale)}
                  </Table.Td>
                  <Table.Td>{(perApp.get(a.id) ?? []).map((e) => `${e} ${expertName(round, e)}`).join('、') || '—'}</Table.Td>
                  <Table.Td>{(round.reserves[a.id] ?? []).map((e) => `${e} ${expertName(round, e)}`).join('、') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Text fw={500} size="sm">
                {t('round.draw.adjustTitle')}
              </Text>
              <Group align="flex-end">
                <SegmentedControl
                  value={adj.action}
                  onChange={(v) => setAdj({ ...adj, action: v as 'add' | 'remove' })}
                  data={[
                    { value: 'remove', label: t('round.draw.remove') },
                    { value: 'add', label: t('round.draw.add') },
                  ]}
                />
                <Select
                  label={t('round.conflicts.expert')}
                  data={round.experts.map((e) => ({ value: e.id, label: `${e.id} ${e.name}` }))}
                  value={adj.expertId}
                  onChange={(v) => setAdj({ ...adj, expertId: v })}
                  w={200}
                />
                <Select
                  label={t('round.conflicts.application')}
                  data={round.applications.map((a) => ({ value: a.id, label: a.id }))}
                  value={adj.applicationId}
                  onChange={(v) => setAdj({ ...adj, applicationId: v })}
                  w={140}
                />
                <TextInput
                  label={t('round.conflicts.reason')}
                  value={adj.reason}
                  onChange={(e) => setAdj({ ...adj, reason: e.currentTarget.value })}
                  w={280}
                />
                <Button
                  variant="default"
                  loading={busy === 'adjust'}
                  disabled={!adj.expertId || !adj.applicationId || !adj.reason.trim()}
                  onClick={() =>
                    adj.expertId &&
                    adj.applicationId &&
                    void adjust({
                      action: adj.action,
                      expertId: adj.expertId,
                      applicationId: adj.applicationId,
                      reason: adj.reason.trim(),
                    }).then((ok) => ok && setAdj({ ...adj, reason: '' }))
                  }
                >
                  {t('round.draw.adjust')}
                </Button>
              </Group>
              {round.adjustments.map((a, i) => (
                <Text size="xs" key={i}>
                  {formatBeijing(a.at)} {t(`round.draw.${a.action}`)} {a.expertId} × {a.applicationId}：{a.reason}
                </Text>
              ))}
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}

function PackagesView({ round }: { round: Round }): React.JSX.Element {
  const { t } = useTranslation();
  const busy = useRoundStore((s) => s.busy);
  const pack = useRoundStore((s) => s.pack);
  const savePackage = useRoundStore((s) => s.savePackage);
  const saveIssueSheet = useRoundStore((s) => s.saveIssueSheet);
  const progress = useAppStore((s) => s.progress.pack);
  const packing = busy === 'pack';
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm">{t('round.packages.help')}</Text>
          <Group>
            <Button leftSection={<IconPackage size={16} />} loading={packing} onClick={() => void pack()} data-testid="round-pack">
              {round.packages.length ? t('round.packages.rebuild') : t('round.packages.build')}
            </Button>
            {round.packages.length > 0 && (
              <Button
                variant="default"
                leftSection={<IconFileTypePdf size={16} />}
                onClick={() => void saveIssueSheet()}
                data-testid="round-issue-sheet"
              >
                {t('round.packages.issueSheet')}
              </Button>
            )}
          </Group>
          {packing && (
            <Stack gap={2} data-testid="round-pack-progress">
              <Progress value={progress && progress.total ? (progress.done / progress.total) * 100 : 0} animated />
              <Text size="xs" c="dimmed">
                {t('round.packages.progress', {
                  done: progress?.done ?? 0,
                  total: progress?.total ?? Object.keys(round.assignments).length,
                })}
              </Text>
            </Stack>
          )}
        </Stack>
      </Paper>
      {round.packages.length > 0 && (
        <Table withTableBorder fz="sm" data-testid="round-packages">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('round.experts.id')}</Table.Th>
              <Table.Th>{t('round.experts.name')}</Table.Th>
              <Table.Th>{t('round.packages.fingerprint')}</Table.Th>
              <Table.Th>{t('round.packages.applications')}</Table.Th>
              <Table.Th>{t('round.packages.file')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.packages.map((p) => (
              <Table.Tr key={p.expertId} data-testid={`round-package-${p.expertId}`}>
                <Table.Td>{p.expertId}</Table.Td>
                <Table.Td>{expertName(round, p.expertId)}</Table.Td>
                <Table.Td>
                  <Fingerprint value={round.experts.find((e) => e.id === p.expertId)?.fingerprint ?? ''} size="sm" />
                </Table.Td>
                <Table.Td>{(round.assignments[p.expertId] ?? []).join('、')}</Table.Td>
                <Table.Td>
                  {p.fileName} · {formatBytes(p.size)}
                  {round.issued[p.expertId]?.supersedes && (
                    <Text size="xs" c="dimmed">
                      {t('round.packages.supersedes', { id: round.issued[p.expertId]?.supersedes?.slice(0, 8) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconDownload size={14} />}
                    onClick={() => void savePackage(p.expertId)}
                    data-testid={`round-save-${p.expertId}`}
                  >
                    {t('round.packages.save')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function ReturnsView({ round }: { round: Round }): React.JSX.Element {
  const { t } = useTranslation();
  const merge = useMergeStore((s) => s.state);
  const loadMerge = useMergeStore((s) => s.load);
  useEffect(() => {
    void loadMerge();
  }, [loadMerge]);
  const matrix = merge?.matrix ?? null;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm">{t('round.returns.help')}</Text>
        <Button variant="default" size="xs" component="a" href="#/merge" data-testid="round-returns-merge">
          {t('round.returns.toMerge')}
        </Button>
      </Group>
      <Table withTableBorder fz="sm" data-testid="round-returns">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('round.experts.id')}</Table.Th>
            <Table.Th>{t('round.experts.name')}</Table.Th>
            <Table.Th>{t('round.returns.issued')}</Table.Th>
            <Table.Th>{t('round.returns.received')}</Table.Th>
            <Table.Th>{t('round.returns.missing')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.experts
            .filter((e) => round.issued[e.id])
            .map((e) => {
              const issued = round.issued[e.id];
              const row = matrix?.experts.find((x) => x.expertId === e.id);
              const cells = matrix?.cells[e.id] ?? {};
              const missing = (issued?.applications ?? []).filter(
                (a) => cells[a] === 'missing' || cells[a] === 'in-progress' || cells[a] === undefined,
              );
              return (
                <Table.Tr key={e.id} data-testid={`round-return-${e.id}`}>
                  <Table.Td>{e.id}</Table.Td>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>
                    {issued ? `${issued.packageId.slice(0, 8)} · ${formatBeijing(issued.at)} ${t('round.beijing')}` : '—'}
                  </Table.Td>
                  <Table.Td>
                    {row?.revision ? (
                      t('round.returns.revision', { n: row.revision })
                    ) : (
                      <Badge color="gray">{t('round.returns.none')}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{missing.length ? missing.join('、') : row?.revision ? t('round.returns.complete') : '—'}</Table.Td>
                </Table.Tr>
              );
            })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
