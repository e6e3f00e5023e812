/**
 * The panel's consensus on one application (专家组意见), recorded by the
 * secretary after the discussion — apart from the computed figures — and its
 * audit history. A score outside the rubric's range is refused with the
 * reason, never clamped; leaving with unsaved edits asks first. The
 * consensus may cite the experts' site-visit photos (checked on saving
 * against the accepted visits).
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
} from '@mantine/core';
import { IconCircleCheck, IconHistory } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { CitationInput, MergeVisits } from '../../../shared/ipc/contract.ts';
import { useTranslation } from 'react-i18next';
import type { ConsensusAuditEntry, ConsensusRecord } from '../../../shared/ipc/contract.ts';
import { pick } from '../../../shared/i18n-text.ts';
import { outcomesFor } from '../../../shared/rubric/model.ts';
import { type ApiError, toApiError } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLeaveGuard } from '../../lib/leave-guard.ts';
import { useMergeStore } from '../../state/merge.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useVisits } from './SiteVisitSection.tsx';
import { PhotoThumb } from './VisitPhotos.tsx';
import { GradeSelect } from './ResultsView.tsx';
import { num } from './labels.ts';

export function ConsensusPanel({ applicationId }: { applicationId: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const results = useMergeStore((s) => s.results);
  const record = useMergeStore((s) => s.consensus.find((c) => c.applicationId === applicationId) ?? null);
  const saveConsensus = useMergeStore((s) => s.saveConsensus);
  const [score, setScore] = useState<number | string>('');
  const [gradeId, setGradeId] = useState<string | null>(null);
  const [recommendation, setRecommendation] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [eligible, setEligible] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<ConsensusRecord | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const visits = useVisits(applicationId);
  const setEvidence = useMergeStore((s) => s.setEvidence);
  const draft = useMergeStore((s) => s.evidence);
  const evidence: CitationInput[] = draft?.applicationId === applicationId ? draft.list : [];

  // The records are read afresh whenever bundles arrive (an import, a file opened from outside): only another
  // application or a record that really changed may replace what the secretary is typing, not a new copy of the same.
  const stored = {
    score: record?.score ?? null,
    gradeId: record?.gradeId ?? null,
    recommendation: record?.recommendation ?? null,
    text: record?.text ?? '',
    eligible: record?.eligible ?? null,
    evidence: JSON.stringify(citationsOf(record?.evidence)),
    at: record?.recordedAt ?? null,
  };
  useEffect(() => {
    setScore(stored.score ?? '');
    setGradeId(stored.gradeId);
    setRecommendation(stored.recommendation);
    setText(stored.text);
    setEligible(stored.eligible);
    setEvidence(applicationId, JSON.parse(stored.evidence) as CitationInput[]);
  }, [
    applicationId,
    stored.score,
    stored.gradeId,
    stored.recommendation,
    stored.text,
    stored.eligible,
    stored.evidence,
    stored.at,
    setEvidence,
  ]);

  const dirty =
    (record?.score ?? '') !== score ||
    (record?.gradeId ?? null) !== gradeId ||
    (record?.recommendation ?? null) !== recommendation ||
    (record?.text ?? '') !== text ||
    (record?.eligible ?? null) !== eligible ||
    stored.evidence !== JSON.stringify(evidence);
  const guard = useLeaveGuard(dirty && !!results);

  if (!results) return null;
  const rubric = results.rubric;
  const app = results.result.applications.find((a) => a.applicationId === applicationId);
  // Only the main outcomes the rubric has for this application's category.
  const outcomes = app ? outcomesFor(rubric, app.category).main : rubric.recommendations.filter((r) => !r.additional);
  const failedBy = new Set(app?.gates.failed.map((f) => f.expertId) ?? []).size;
  // The field keeps what was typed (a half-typed "1" or "-" included); only a finite number in range may be saved.
  const typed = typeof score === 'number' ? score : score.trim() === '' ? null : Number(score.replace(',', '.'));
  const outOfRange = typed !== null && !(Number.isFinite(typed) && typed >= 0 && typed <= rubric.totalPoints);

  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      if (outOfRange) return;
      const r = await saveConsensus({ applicationId, score: typed, gradeId, recommendation, text, eligible, evidence });
      setSaved(r);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="consensus" style={{ borderLeft: '4px solid var(--mantine-color-blue-7)' }}>
      <Stack gap="sm">
        <div>
          <Text fw={700}>{t('merge.consensus.title')}</Text>
          <Text size="xs" c="dimmed">
            {t('merge.consensus.intro')}
          </Text>
          {record && (
            <Badge variant="light" color="blue" mt={6} data-testid="consensus-recorded" maw="100%">
              {t('merge.consensus.recorded', { who: record.recordedBy, at: formatDateTime(record.recordedAt, locale) })}
            </Badge>
          )}
        </div>
        <div data-testid="consensus-eligibility-box">
          <Text size="sm" fw={500}>
            {t('merge.consensus.eligibility')}
          </Text>
          <Text size="xs" c={failedBy ? 'orange.8' : 'dimmed'} mb={4} data-testid="consensus-eligibility-hint">
            {failedBy ? t('merge.consensus.eligibilityFlagged', { n: failedBy }) : t('merge.consensus.eligibilityMet')}
          </Text>
          <SegmentedControl
            size="xs"
            data-testid="consensus-eligibility"
            value={eligible === null ? 'undecided' : eligible ? 'eligible' : 'ineligible'}
            onChange={(v) => setEligible(v === 'undecided' ? null : v === 'eligible')}
            data={[
              { value: 'undecided', label: t('merge.consensus.eligibilityUndecided') },
              { value: 'eligible', label: t('merge.consensus.eligibilityYes') },
              { value: 'ineligible', label: t('merge.consensus.eligibilityNo') },
            ]}
          />
        </div>
        <SimpleGrid cols={2} spacing="sm">
          <NumberInput
            label={t('merge.consensus.score')}
            description={t('merge.consensus.scoreHint', { total: rubric.totalPoints })}
            min={0}
            max={rubric.totalPoints}
            step={0.5}
            decimalScale={2}
            value={score}
            onChange={setScore}
            clampBehavior="none"
            allowNegative={false}
            error={outOfRange ? t('merge.consensus.outOfRange', { total: rubric.totalPoints, value: String(score) }) : null}
            data-testid="consensus-score"
            data-invalid={outOfRange}
          />
          <GradeSelect label={t('merge.consensus.grade')} value={gradeId} onChange={setGradeId} testId="consensus-grade" />
        </SimpleGrid>
        <Select
          label={t('merge.consensus.recommendation')}
          data={outcomes.map((r) => ({ value: r.id, label: pick(r.label, locale) }))}
          value={recommendation}
          onChange={setRecommendation}
          clearable
          data-testid="consensus-recommendation"
        />
        <Textarea
          label={t('merge.consensus.text')}
          placeholder={t('merge.consensus.textPlaceholder')}
          autosize
          minRows={4}
          maxRows={10}
          maxLength={20000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="consensus-text"
        />
        <CitedPhotos
          applicationId={applicationId}
          visits={visits}
          evidence={evidence}
          onChange={(list) => setEvidence(applicationId, list)}
        />
        {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
        <Text size="xs" c="dimmed">
          {t('merge.consensus.apart')}
        </Text>
        <Group justify="flex-end">
          <Group gap="sm">
            {saved && !dirty && (
              <Group gap={4} c="green.8" data-testid="consensus-saved">
                <IconCircleCheck size={16} />
                <Text size="sm">{t('merge.consensus.saved', { at: formatDateTime(saved.recordedAt, locale) })}</Text>
              </Group>
            )}
            {dirty && (
              <Text size="sm" c="orange.8" data-testid="consensus-unsaved">
                {t('merge.consensus.unsaved')}
              </Text>
            )}
            <Button onClick={() => void save()} loading={busy} disabled={!dirty || outOfRange} data-testid="consensus-save">
              {t('merge.consensus.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <Modal
        opened={guard.pending !== null}
        onClose={guard.stay}
        title={t('merge.consensus.leaveTitle')}
        centered
        data-testid="leave-confirm"
      >
        <Stack>
          <Text size="sm">{t('merge.consensus.leaveBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.stay} data-testid="leave-stay">
              {t('merge.consensus.leaveStay')}
            </Button>
            <Button color="red" onClick={guard.leave} data-testid="leave-discard">
              {t('merge.consensus.leaveDiscard')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** The citations of a record as the form edits them. */
function citationsOf(evidence: ConsensusRecord['evidence']): CitationInput[] {
  return (evidence ?? []).map((c) => ({ expertFingerprint: c.expertFingerprint, photo: c.photo }));
}

const key = (c: CitationInput): string => `${c.expertFingerprint}|${c.photo}`;
const fileName = (path: string): string => path.replace(/^attachments\//, '');

/**
 * The site-visit photos the consensus cites: chosen from the application's photos (or with 引用此照片 in the
 * full view), shown as thumbnails; a citation the accepted files no longer hold is said, with a way to remove it.
 */
function CitedPhotos({
  applicationId,
  visits,
  evidence,
  onChange,
}: {
  applicationId: string;
  visits: MergeVisits | undefined;
  evidence: CitationInput[];
  onChange: (list: CitationInput[]) => void;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!visits) return null;
  const found = new Map(
    visits.experts.flatMap((e) =>
      e.photos.map((p, i) => [key({ expertFingerprint: e.fingerprint, photo: p.path }), { expert: e, photo: p, n: i + 1 }] as const),
    ),
  );
  if (!found.size && !evidence.length) return null;
  const data = visits.experts
    .filter((e) => e.photos.length)
    .map((e) => ({
      group: `${e.expertId} ${e.name}`,
      items: e.photos.map((p, i) => ({
        value: key({ expertFingerprint: e.fingerprint, photo: p.path }),
        label: `${e.expertId} · ${t('merge.visits.photo', { n: i + 1 })} · ${p.caption.trim() || fileName(p.path)}`,
      })),
    }));
  const live = evidence.filter((c) => found.has(key(c)));
  const stale = evidence.filter((c) => !found.has(key(c)));
  return (
    <div data-testid="consensus-evidence">
      {found.size > 0 ? (
        <MultiSelect
          label={t('merge.consensus.evidence')}
          description={t('merge.consensus.evidenceHint')}
          placeholder={live.length ? undefined : t('merge.consensus.evidencePlaceholder')}
          data={data}
          value={live.map(key)}
          onChange={(values) =>
            onChange([
              ...stale,
              ...values.map((v) => {
                const [expertFingerprint, photo] = v.split('|') as [string, string];
                return { expertFingerprint, photo };
              }),
            ])
          }
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          data-testid="consensus-evidence-select"
        />
      ) : (
        <Text size="xs" c="dimmed">
          {t('merge.consensus.evidenceNone')}
        </Text>
      )}
      {live.length > 0 && (
        <SimpleGrid cols={4} spacing={6} mt={6}>
          {live.map((c) => {
            const f = found.get(key(c))!;
            return (
              <PhotoThumb
                key={key(c)}
                refTo={{ applicationId, expertFingerprint: c.expertFingerprint, path: c.photo }}
                photo={f.photo}
                height={56}
                label={`${f.expert.expertId} ${t('merge.visits.photo', { n: f.n })} ${f.photo.caption}`}
                testId={`consensus-cited-${f.expert.expertId}-${f.n}`}
              />
            );
          })}
        </SimpleGrid>
      )}
      {stale.map((c) => (
        <Alert key={key(c)} color="orange" variant="light" mt={6} p="xs" data-testid="consensus-evidence-stale">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs">{t('merge.consensus.evidenceStale', { photo: fileName(c.photo), expert: c.expertFingerprint })}</Text>
            <Button size="compact-xs" variant="subtle" color="orange" onClick={() => onChange(evidence.filter((x) => key(x) !== key(c)))}>
              {t('merge.consensus.evidenceRemove')}
            </Button>
          </Group>
        </Alert>
      ))}
    </div>
  );
}

function describe(v: ConsensusRecord | null, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (!v) return t('merge.history.nothing');
  return `${t('merge.consensus.score')} ${num(v.score)}${v.gradeId ? ` · ${v.gradeId}` : ''}${v.recommendation ? ` · ${v.recommendation}` : ''}${
    v.evidence?.length ? ` · ${t('merge.history.photos', { count: v.evidence.length })}` : ''
  }`;
}

/** Which photos a record cites, by expert and file. */
function citedList(v: ConsensusRecord | null): string {
  return (v?.evidence ?? []).map((c) => `${c.expertId} ${fileName(c.photo)}`).join('、');
}

/** The consensus audit trail, newest first (optionally for one application). */
export function ConsensusHistory({ applicationId }: { applicationId?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const all = useMergeStore((s) => s.history);
  const entries: ConsensusAuditEntry[] = applicationId ? all.filter((h) => h.applicationId === applicationId) : all;
  if (applicationId) {
    return (
      <Paper withBorder p="md" radius="md" data-testid="consensus-history">
        <Group gap={6} mb="sm">
          <IconHistory size={16} />
          <Text fw={600} size="sm">
            {t('merge.history.title')}
          </Text>
        </Group>
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('merge.history.empty')}
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={0}>
            {entries.map((h) => (
              <Timeline.Item
                key={h.id}
                title={
                  <Text size="sm">
                    {formatDateTime(h.at, locale)} · {h.recordedBy}
                  </Text>
                }
                data-testid={`history-${h.id}`}
              >
                <Text size="xs" c="dimmed">
                  {describe(h.oldValue, t)} → {describe(h.newValue, t)}
                </Text>
                {h.newValue?.text && (
                  <Text size="xs" lineClamp={2}>
                    {h.newValue.text}
                  </Text>
                )}
                {h.newValue?.evidence?.length ? (
                  <Text size="xs" c="blue.8" data-testid={`history-cited-${h.id}`}>
                    {t('merge.history.cited', { list: citedList(h.newValue) })}
                  </Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" data-testid="consensus-history">
      {entries.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('merge.history.empty')}
        </Alert>
      ) : (
        <Table striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>{t('merge.history.at')}</Table.Th>
              <Table.Th w={100}>{t('merge.results.application')}</Table.Th>
              <Table.Th w={160}>{t('merge.history.by')}</Table.Th>
              <Table.Th>{t('merge.history.before')}</Table.Th>
              <Table.Th>{t('merge.history.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((h) => (
              <Table.Tr key={h.id} data-testid={`history-${h.id}`}>
                <Table.Td>{formatDateTime(h.at, locale)}</Table.Td>
                <Table.Td>
                  <Text component="a" href={`#/merge/a/${encodeURIComponent(h.applicationId)}`} size="sm" c="blue.8">
                    {h.applicationId}
                  </Text>
                </Table.Td>
                <Table.Td>{h.recordedBy}</Table.Td>
                <Table.Td>
                  <Text size="sm">{describe(h.oldValue, t)}</Text>
                  {h.oldValue?.text && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {h.oldValue.text}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{describe(h.newValue, t)}</Text>
                  {h.newValue?.text && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {h.newValue.text}
                    </Text>
                  )}
                  {h.newValue?.evidence?.length ? (
                    <Text size="xs" c="blue.8">
                      {t('merge.history.cited', { list: citedList(h.newValue) })}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
