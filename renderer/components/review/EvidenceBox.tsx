/** Where in the dossier the score is grounded: file and page, opened beside the criteria on click. */
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconClipboardCheck, IconExternalLink, IconPhoto, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionState } from '../../../shared/ipc/contract.ts';
import { baseName } from '../../lib/format.ts';
import type { DossierFileInfo } from '../PdfViewer.tsx';

type Evidence = CriterionState['evidence'];

/** What the evidence list needs of a visit: its photos and the checklist items it answered. */
export interface EvidenceVisit {
  photos: { path: string; caption: string }[];
  items: { id: string; title: string }[];
}

function evidenceKey(r: Evidence[number]): string {
  return 'file' in r ? `f:${r.file}#${r.page ?? ''}` : 'photo' in r ? `p:${r.photo}` : `i:${r.siteVisitItem}`;
}

export function EvidenceBox({
  criterionId,
  files,
  value,
  hint,
  onChange,
  onOpen,
  defaultFile,
  defaultPage,
  visit,
  onOpenPhoto,
}: {
  /** The criterion the references belong to: the half-filled form is cleared when it changes. */
  criterionId: string;
  files: DossierFileInfo[];
  value: Evidence;
  hint?: string;
  onChange: (next: Evidence) => void;
  onOpen: (path: string, page: number) => void;
  defaultFile?: string;
  defaultPage?: number;
  /** The application's site visit, to name and pick its photos and checklist items. */
  visit?: EvidenceVisit;
  onOpenPhoto?: (path: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [file, setFile] = useState<string | null>(null);
  const [page, setPage] = useState<string | number>('');
  // Cleared on a move, rather than remounted: remounting the file picker on every move costs more than a frame.
  const [formFor, setFormFor] = useState(criterionId);
  if (formFor !== criterionId) {
    setFormFor(criterionId);
    setFile(null);
    setPage('');
  }
  const fileOptions = useMemo(() => files.map((f) => ({ value: f.path, label: baseName(f.path) })), [files]);
  const chosen = file ?? defaultFile ?? files[0]?.path ?? null;
  const add = (): void => {
    if (!chosen) return;
    const p = typeof page === 'number' && page >= 1 ? Math.floor(page) : defaultPage && file === null ? defaultPage : undefined;
    const ref = p ? { file: chosen, page: p } : { file: chosen };
    if (value.some((r) => 'file' in r && r.file === ref.file && r.page === ref.page)) return;
    onChange([...value, ref]);
    setPage('');
  };
  const [visitPick, setVisitPick] = useState<string | null>(null);
  const visitOptions = useMemo(
    () => [
      ...(visit?.photos ?? []).map((p) => ({
        value: `p:${p.path}`,
        label: t('evidence.photo', { caption: p.caption || baseName(p.path) }),
      })),
      ...(visit?.items ?? []).map((x) => ({ value: `i:${x.id}`, label: t('evidence.item', { id: x.id, title: x.title }) })),
    ],
    [visit, t],
  );
  const addVisit = (): void => {
    if (!visitPick) return;
    const ref = visitPick.startsWith('p:') ? { photo: visitPick.slice(2) } : { siteVisitItem: visitPick.slice(2) };
    if (!value.some((r) => evidenceKey(r) === evidenceKey(ref))) onChange([...value, ref]);
    setVisitPick(null);
  };
  return (
    <Stack gap={6} data-testid="evidence">
      <Text size="sm" fw={500}>
        {t('evidence.label')}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {t('evidence.hint', { hint })}
        </Text>
      )}
      {value.length > 0 && (
        <Stack gap={2}>
          {value.map((r, i) => (
            <Group key={evidenceKey(r)} gap={6} wrap="nowrap" data-testid={`evidence-ref-${i}`}>
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={
                  'file' in r ? <IconExternalLink size={14} /> : 'photo' in r ? <IconPhoto size={14} /> : <IconClipboardCheck size={14} />
                }
                onClick={() => ('file' in r ? onOpen(r.file, r.page ?? 1) : 'photo' in r ? onOpenPhoto?.(r.photo) : undefined)}
                style={{ minWidth: 0 }}
              >
                <Text size="sm" truncate>
                  {'file' in r
                    ? `${baseName(r.file)}${r.page ? ` · ${t('evidence.page', { page: r.page })}` : ''}`
                    : 'photo' in r
                      ? t('evidence.photo', { caption: visit?.photos.find((p) => p.path === r.photo)?.caption || baseName(r.photo) })
                      : t('evidence.item', { id: r.siteVisitItem, title: visit?.items.find((x) => x.id === r.siteVisitItem)?.title ?? '' })}
                </Text>
              </Button>
              <Tooltip label={t('evidence.remove')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                  aria-label={t('evidence.remove')}
                  data-testid={`evidence-remove-${i}`}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      )}
      {files.length > 0 ? (
        <Group gap={6} align="flex-end" wrap="nowrap">
          <Select
            size="xs"
            style={{ flex: 1, minWidth: 0 }}
            label={t('evidence.file')}
            data={fileOptions}
            value={chosen}
            onChange={setFile}
            allowDeselect={false}
            data-testid="evidence-file"
          />
          <NumberInput
            size="xs"
            w={90}
            label={t('evidence.pageLabel')}
            placeholder={defaultPage && file === null ? String(defaultPage) : undefined}
            min={1}
            max={100000}
            value={page}
            onChange={setPage}
            allowDecimal={false}
            allowNegative={false}
            data-testid="evidence-page"
          />
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={add}
            disabled={!chosen || value.length >= 20}
            data-testid="evidence-add"
          >
            {t('evidence.add')}
          </Button>
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          {t('evidence.noFiles')}
        </Text>
      )}
      {visitOptions.length > 0 && (
        <Group gap={6} align="flex-end" wrap="nowrap">
          <Select
            size="xs"
            style={{ flex: 1, minWidth: 0 }}
            label={t('evidence.fromVisit')}
            placeholder={t('evidence.fromVisitPlaceholder')}
            data={visitOptions}
            value={visitPick}
            onChange={setVisitPick}
            data-testid="evidence-visit"
          />
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={addVisit}
            disabled={!visitPick || value.length >= 20}
            data-testid="evidence-visit-add"
          >
            {t('evidence.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
