/** Where in the dossier the score is grounded: file and page, opened beside the criteria on click. */
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconExternalLink, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionState } from '../../../shared/ipc/contract.ts';
import { baseName } from '../../lib/format.ts';
import type { DossierFileInfo } from '../PdfViewer.tsx';

type Evidence = CriterionState['evidence'];

export function EvidenceBox({
  criterionId,
  files,
  value,
  hint,
  onChange,
  onOpen,
  defaultFile,
  defaultPage,
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
    if (value.some((r) => r.file === ref.file && r.page === ref.page)) return;
    onChange([...value, ref]);
    setPage('');
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
            <Group key={`${r.file}#${r.page ?? ''}`} gap={6} wrap="nowrap" data-testid={`evidence-ref-${i}`}>
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconExternalLink size={14} />}
                onClick={() => onOpen(r.file, r.page ?? 1)}
                style={{ minWidth: 0 }}
              >
                <Text size="sm" truncate>
                  {baseName(r.file)}
                  {r.page ? ` · ${t('evidence.page', { page: r.page })}` : ''}
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
    </Stack>
  );
}
