/**
 * The individual score sheet (个人评分表) as a clean A4 page: what Electron's
 * printToPDF renders, and what window.print() prints where that is not
 * available. When everything is loaded the sheet carries
 * `data-print-ready="true"` (also on <body>) for the host to wait on.
 */
import { Button, Center, Group, Loader } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationSummary, PackageDetail, ReviewState } from '../../shared/ipc/contract.ts';
import { type Locale, pick } from '../../shared/i18n-text.ts';
import { runningTotal } from '../../shared/review/total.ts';
import { levelFor, outcomesFor, type Rubric } from '../../shared/rubric/model.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useLocale } from '../i18n/index.ts';
import { rubricFor, walk } from '../lib/criteria.ts';
import { baseName, formatDate, formatDateTime, formatScore, formatTotal } from '../lib/format.ts';
import { hrefFor } from '../router.ts';
import { useAppStore } from '../state/app.ts';
import { usePackageStore } from '../state/packages.ts';
import { reviewKey, useReviewStore } from '../state/review.ts';

export function PrintScreen({ packageId, auto }: { packageId: string; auto: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const detail = usePackageStore((s) => s.details[packageId]);
  const error = usePackageStore((s) => s.errors[packageId]);
  const reviews = useReviewStore((s) => s.reviews);
  const [loaded, setLoaded] = useState(false);
  const printed = useRef(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const d = await usePackageStore.getState().load(packageId, true);
      if (!d) return;
      const open = d.applications.filter((a) => a.conflict?.status === 'none');
      await Promise.all(open.map((a) => useReviewStore.getState().load(packageId, a.id, true)));
      if (!cancelled) setLoaded(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [packageId]);

  useEffect(() => {
    if (!loaded) return undefined;
    document.body.dataset.printReady = 'true';
    if (auto && !printed.current) {
      printed.current = true;
      // Let the fonts and layout settle before the print dialog takes a snapshot.
      setTimeout(() => window.print(), 300);
    }
    return () => {
      delete document.body.dataset.printReady;
    };
  }, [loaded, auto]);

  if (error)
    return (
      <Center p="xl">
        <ErrorAlert error={error} />
      </Center>
    );
  if (!detail || !loaded)
    return (
      <Center p="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  return (
    <div style={{ background: 'var(--mantine-color-gray-2)', minHeight: '100%' }}>
      <Group
        className="rd-no-print"
        justify="space-between"
        p="sm"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Button variant="default" component="a" href={hrefFor({ name: 'finish', packageId })} leftSection={<IconArrowLeft size={16} />}>
          {t('print.back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} data-testid="print-now">
          {t('print.print')}
        </Button>
      </Group>
      <Sheet detail={detail} reviews={reviews} />
    </div>
  );
}

function Sheet({ detail, reviews }: { detail: PackageDetail; reviews: Record<string, ReviewState> }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const card = useAppStore((s) => (s.state?.identity.status === 'none' ? null : s.state?.identity.card));
  const s = detail.summary;
  const open = detail.applications.filter((a) => a.conflict?.status === 'none');
  const recused = detail.applications.filter((a) => a.conflict?.status === 'recused');
  const undeclared = detail.applications.filter((a) => a.conflict === null);
  return (
    <div className="rd-sheet" data-testid="score-sheet" data-print-ready="true">
      <h1>{t('print.title')}</h1>
      <table className="meta">
        <tbody>
          <tr>
            <td>
              <b>{t('print.round')}</b>
              {pick(s.round.title, locale)}
            </td>
            <td>
              <b>{t('print.rubric')}</b>
              {detail.rubrics.map((r) => `${pick(r.title, locale)} (v${r.version})`).join('；')}
            </td>
          </tr>
          <tr>
            <td>
              <b>{t('print.expert')}</b>
              {card?.displayName ?? s.expert.displayName}
              {card?.organisation ? `（${card.organisation}）` : ''}
            </td>
            <td>
              <b>{t('print.fingerprint')}</b>
              <span className="rd-fingerprint">{card?.fingerprint ?? ''}</span>
            </td>
          </tr>
          <tr>
            <td>
              <b>{t('print.deadline')}</b>
              {formatDateTime(s.deadline, locale)}
            </td>
            <td>
              <b>{t('print.printedAt')}</b>
              {formatDateTime(new Date().toISOString(), locale)}
              {s.lastExport ? ` · ${t('print.revision', { revision: s.lastExport.revision })}` : ''}
            </td>
          </tr>
        </tbody>
      </table>

      <h2>{t('print.overview')}</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '32%' }}>{t('print.application')}</th>
            <th style={{ width: '26%' }}>{t('print.organisation')}</th>
            <th className="num" style={{ width: '9%' }}>
              {t('print.total')}
            </th>
            <th style={{ width: '15%' }}>{t('print.gradeCol')}</th>
            <th style={{ width: '18%' }}>{t('print.recommendation')}</th>
          </tr>
        </thead>
        <tbody>
          {open.map((a) => {
            const r = reviews[reviewKey(s.packageId, a.id)];
            const rubric = rubricFor(detail, a.id);
            const total = runningTotal(rubric, r?.criteria);
            const rec = rubric.recommendations.find((x) => x.id === r?.recommendation);
            const extra = additionalLabels(rubric, r, locale);
            return (
              <tr key={a.id}>
                <td>{pick(a.name, locale)}</td>
                <td>{pick(a.organisation, locale)}</td>
                <td className="num">{formatTotal(total.total)}</td>
                <td>
                  {total.grade ? pick(total.grade.label, locale) : '—'}
                  {total.complete ? '' : ` ${t('print.incomplete')}`}
                </td>
                <td>
                  {rec ? pick(rec.label, locale) : '—'}
                  {extra.length > 0 && <div>{extra.join('；')}</div>}
                </td>
              </tr>
            );
          })}
          {recused.map((a) => (
            <tr key={a.id}>
              <td>{pick(a.name, locale)}</td>
              <td>{pick(a.organisation, locale)}</td>
              <td colSpan={3}>{t('print.recused', { reason: a.conflict?.reason ?? '' })}</td>
            </tr>
          ))}
          {undeclared.map((a) => (
            <tr key={a.id}>
              <td>{pick(a.name, locale)}</td>
              <td>{pick(a.organisation, locale)}</td>
              <td colSpan={3}>{t('print.undeclared')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Signature />

      {open.map((a) => (
        <ApplicationSheet key={a.id} detail={detail} app={a} review={reviews[reviewKey(s.packageId, a.id)]} locale={locale} />
      ))}
    </div>
  );
}

/** The labels of the additional outcomes chosen (支持争创国家级 …), in rubric order. */
function additionalLabels(rubric: Rubric, review: ReviewState | undefined, locale: Locale): string[] {
  const chosen = new Set(review?.additionalRecommendations ?? []);
  return rubric.recommendations.filter((x) => x.additional && chosen.has(x.id)).map((x) => pick(x.label, locale));
}

function Signature(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="sign">
      <div>
        {t('print.signature')} <span />
      </div>
      <div>
        {t('print.date')} <span />
      </div>
    </div>
  );
}

function ApplicationSheet({
  detail,
  app,
  review,
  locale,
}: {
  detail: PackageDetail;
  app: ApplicationSummary;
  review: ReviewState | undefined;
  locale: Locale;
}): React.JSX.Element {
  const { t } = useTranslation();
  const rubric = rubricFor(detail, app.id);
  const total = runningTotal(rubric, review?.criteria);
  const rec = rubric.recommendations.find((x) => x.id === review?.recommendation);
  // The row is printed wherever the rubric offers additional outcomes for the category, so "none chosen" shows as —.
  const offered = outcomesFor(rubric, app.category).additional.length > 0;
  const extra = additionalLabels(rubric, review, locale);
  const steps = walk(rubric);
  return (
    <section className="app" data-testid={`sheet-${app.id}`}>
      <h2>
        {pick(app.name, locale)}
        <span style={{ fontWeight: 400, fontSize: '10pt' }}>
          {' '}
          · {pick(app.organisation, locale)} · {t(`category.${app.category}`)}
        </span>
      </h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '30%' }}>{t('print.criterion')}</th>
            <th className="num" style={{ width: '9%' }}>
              {t('print.weight')}
            </th>
            <th className="num" style={{ width: '11%' }}>
              {t('print.score')}
            </th>
            <th>{t('print.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map(({ criterion: c }) => {
            const st = review?.criteria[c.id];
            const v = st?.score ?? null;
            const level = v === null ? undefined : levelFor(c, v);
            const scoreText =
              c.scale.kind === 'gate'
                ? v === 1
                  ? t('gate.pass')
                  : v === 0
                    ? t('gate.fail')
                    : '—'
                : `${formatScore(v)}${level ? `（${pick(level.label, locale)}）` : ''}`;
            return (
              <tr key={c.id}>
                <td>
                  {c.id} {pick(c.title, locale)}
                </td>
                <td className="num">{c.scale.kind === 'gate' ? t('print.gate') : c.weight}</td>
                <td className="num">{scoreText}</td>
                <td>
                  {st?.comment}
                  {st && st.evidence.length > 0 && (
                    <div style={{ color: '#555', fontSize: '9pt' }}>
                      {t('print.evidence')}
                      {st.evidence
                        .map((e) =>
                          'file' in e
                            ? `${baseName(e.file)}${e.page ? ` p.${e.page}` : ''}`
                            : 'photo' in e
                              ? baseName(e.photo)
                              : e.siteVisitItem,
                        )
                        .join('；')}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
          <tr>
            <th colSpan={2}>{t('print.total')}</th>
            <th className="num">{formatTotal(total.total)}</th>
            <th>
              {t('print.grade')}
              {total.grade ? pick(total.grade.label, locale) : '—'}
              {total.complete ? '' : ` ${t('print.incomplete')}`}
              {total.failedGates > 0 ? ` · ${t('review.failedGates', { count: total.failedGates })}` : ''}
            </th>
          </tr>
        </tbody>
      </table>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '20%' }}>{t('print.recommendation')}</th>
            <td>{rec ? pick(rec.label, locale) : '—'}</td>
          </tr>
          {offered && (
            <tr>
              <th>{t('print.additional')}</th>
              <td data-testid={`sheet-additional-${app.id}`}>{extra.length ? extra.join('；') : '—'}</td>
            </tr>
          )}
          <tr>
            <th>{t('print.opinion')}</th>
            <td style={{ whiteSpace: 'pre-wrap', minHeight: '30mm', height: '30mm' }}>{review?.opinion}</td>
          </tr>
        </tbody>
      </table>
      <p style={{ fontSize: '9pt', color: '#555' }}>
        {t('print.conflictNone', { date: formatDate(app.conflict?.declaredAt ?? '', locale) })}
      </p>
      <Signature />
    </section>
  );
}
