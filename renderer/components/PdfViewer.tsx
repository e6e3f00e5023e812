/**
 * A basic PDF view of one dossier file: canvas rendering with pdf.js, page
 * navigation and zoom. The worker, CJK cMaps and standard fonts are bundled
 * (see vite.config.ts); eval is off, and no PDF script ever runs (no scripting
 * sandbox is loaded and no annotation layer is built).
 */
import { ActionIcon, Box, Center, Group, Loader, NumberInput, Select, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconX, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { baseName, formatBytes } from '../lib/format.ts';
import { dossierKey, useDossierStore } from '../state/dossier.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

GlobalWorkerOptions.workerSrc = workerUrl;

const asset = (dir: string): string => new URL(`./pdfjs/${dir}/`, document.baseURI).href;
const ZOOMS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

export interface DossierFileInfo {
  path: string;
  size: number;
  mediaType: string;
}

/** Memoised: a move to another criterion, with the same file and page, leaves the rendered page alone. */
export const PdfViewer = memo(function PdfViewer({
  packageId,
  applicationId,
  files,
  path,
  page,
  onOpen,
  onClose,
}: {
  packageId: string;
  applicationId: string;
  files: DossierFileInfo[];
  path: string;
  page: number;
  onOpen: (path: string, page: number) => void;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const key = dossierKey(packageId, applicationId, path);
  const file = useDossierStore((s) => s.files[key]);
  const loading = useDossierStore((s) => s.loading[key]);
  const error = useDossierStore((s) => s.errors[key]);
  const read = useDossierStore((s) => s.read);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [zoom, setZoom] = useState(1);
  const [rendering, setRendering] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pageCount = doc?.numPages ?? 0;
  const info = files.find((f) => f.path === path);
  const isPdf = (file?.mediaType ?? info?.mediaType) === 'application/pdf';

  useEffect(() => {
    void read(packageId, applicationId, path);
  }, [read, packageId, applicationId, path]);

  useEffect(() => {
    if (!file || file.mediaType !== 'application/pdf') return undefined;
    let cancelled = false;
    setDoc(null);
    setPdfError(null);
    // pdf.js transfers the buffer to its worker: give it a copy, keep ours.
    const task = getDocument({
      data: file.bytes.slice(),
      cMapUrl: asset('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: asset('standard_fonts'),
      wasmUrl: asset('wasm'),
      iccUrl: asset('iccs'),
      isEvalSupported: false,
      enableXfa: false,
    });
    task.promise.then(
      (d) => {
        if (cancelled) void d.destroy();
        else setDoc(d);
      },
      (e: unknown) => {
        if (!cancelled) setPdfError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [file]);

  useEffect(() => {
    if (!doc || !canvas.current) return undefined;
    let task: RenderTask | null = null;
    let cancelled = false;
    const target = canvas.current;
    setRendering(true);
    void (async () => {
      try {
        const p = await doc.getPage(Math.min(Math.max(1, page), doc.numPages));
        if (cancelled) return;
        const dpr = window.devicePixelRatio || 1;
        // Fit the page width to the panel at 100 %.
        const base = p.getViewport({ scale: 1 });
        const fit = Math.max(200, (target.parentElement?.clientWidth ?? 600) - 24) / base.width;
        const viewport = p.getViewport({ scale: fit * zoom * dpr });
        target.width = Math.floor(viewport.width);
        target.height = Math.floor(viewport.height);
        target.style.width = `${Math.floor(viewport.width / dpr)}px`;
        target.style.height = `${Math.floor(viewport.height / dpr)}px`;
        task = p.render({ canvas: target, viewport });
        await task.promise;
      } catch (e) {
        if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException'))
          setPdfError(e instanceof Error ? e.message : String(e));
      } finally {
        if (!cancelled) setRendering(false);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, zoom]);

  const go = (n: number): void => {
    if (pageCount) onOpen(path, Math.min(Math.max(1, n), pageCount));
  };
  const zoomBy = (dir: 1 | -1): void => {
    const i = ZOOMS.findIndex((z) => z >= zoom - 1e-6);
    setZoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (i < 0 ? ZOOMS.length - 1 : i) + dir))] ?? zoom);
  };

  return (
    <Box
      data-testid="dossier-viewer"
      data-path={path}
      data-page={page}
      data-pages={pageCount}
      data-rendering={rendering}
      style={{ display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0 }}
    >
      <Group gap={6} px="xs" py={6} wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'white' }}>
        <Select
          size="xs"
          style={{ flex: 1, minWidth: 0 }}
          value={path}
          data={files.map((f) => ({ value: f.path, label: `${baseName(f.path)} (${formatBytes(f.size)})` }))}
          onChange={(v) => v && onOpen(v, 1)}
          allowDeselect={false}
          aria-label={t('pdf.file')}
          data-testid="dossier-select"
        />
        <Tooltip label={t('pdf.prev')}>
          <ActionIcon variant="default" onClick={() => go(page - 1)} disabled={page <= 1} aria-label={t('pdf.prev')} data-testid="pdf-prev">
            <IconChevronLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <NumberInput
          size="xs"
          w={64}
          min={1}
          max={pageCount || 1}
          value={page}
          onChange={(v) => typeof v === 'number' && go(v)}
          hideControls
          aria-label={t('pdf.page')}
          data-testid="pdf-page"
        />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          / {pageCount || '–'}
        </Text>
        <Tooltip label={t('pdf.next')}>
          <ActionIcon
            variant="default"
            onClick={() => go(page + 1)}
            disabled={!pageCount || page >= pageCount}
            aria-label={t('pdf.next')}
            data-testid="pdf-next"
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('pdf.zoomOut')}>
          <ActionIcon variant="default" onClick={() => zoomBy(-1)} aria-label={t('pdf.zoomOut')} data-testid="pdf-zoom-out">
            <IconZoomOut size={16} />
          </ActionIcon>
        </Tooltip>
        <Text size="xs" w={40} ta="center" data-testid="pdf-zoom">
          {Math.round(zoom * 100)}%
        </Text>
        <Tooltip label={t('pdf.zoomIn')}>
          <ActionIcon variant="default" onClick={() => zoomBy(1)} aria-label={t('pdf.zoomIn')} data-testid="pdf-zoom-in">
            <IconZoomIn size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('pdf.close')}>
          <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label={t('pdf.close')} data-testid="pdf-close">
            <IconX size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Box style={{ flex: 1, overflow: 'auto', background: 'var(--mantine-color-gray-2)', padding: 12, position: 'relative' }}>
        {error ? (
          <ErrorAlert error={error} />
        ) : pdfError ? (
          <Text c="red" size="sm">
            {t('pdf.failed', { reason: pdfError })}
          </Text>
        ) : !isPdf && file ? (
          <Center h="100%">
            <Text c="dimmed" size="sm">
              {t('pdf.notPdf', { type: file.mediaType })}
            </Text>
          </Center>
        ) : loading || !doc ? (
          <Center h="100%">
            <Loader size="sm" aria-label={t('pdf.loading')} />
          </Center>
        ) : null}
        <canvas
          ref={canvas}
          className="rd-pdf-canvas"
          aria-label={t('pdf.canvas', { file: baseName(path), page })}
          style={{ display: doc ? 'block' : 'none' }}
        />
      </Box>
    </Box>
  );
});
