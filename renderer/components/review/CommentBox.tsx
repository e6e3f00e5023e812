/** The criterion's comment, saved as the reviewer pauses, with its rule checked live. */
import { Group, Text, Textarea } from '@mantine/core';
import { forwardRef, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../shared/rubric/model.ts';
import { commentProblem, textLength } from '../../lib/criteria.ts';

const PAUSE_MS = 800;

export const CommentBox = forwardRef<
  HTMLTextAreaElement,
  { criterion: Criterion; score: number | null; value: string; onSave: (text: string) => void; onDirty: () => void }
>(function CommentBox({ criterion, score, value, onSave, onDirty }, ref) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef(value);
  const latest = useRef({ draft, onSave });
  latest.current = { draft, onSave };

  // Follow the stored value (after a restore) unless the reviewer is typing.
  useEffect(() => {
    if (timer.current === null) setDraft(value);
    saved.current = value;
  }, [value]);

  const flush = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (latest.current.draft !== saved.current) {
      saved.current = latest.current.draft;
      latest.current.onSave(latest.current.draft);
    }
  };
  // Leaving the criterion saves what was typed (the parent keys this box by criterion).
  useEffect(() => () => flush(), []);

  // Before a score is given the rule is stated, not flagged.
  const problem = score === null ? null : commentProblem(criterion, score, draft);
  const rule = criterion.comment;
  let ruleText: string;
  if (rule.required === 'always') ruleText = t('comment.ruleAlways');
  else if (rule.required === 'belowThreshold') ruleText = t('comment.ruleBelow', { threshold: rule.threshold });
  else ruleText = t('comment.ruleOptional');
  if (rule.minLength > 0 && rule.required !== 'optional') ruleText += ` ${t('comment.ruleMin', { min: rule.minLength })}`;

  return (
    <div>
      <Textarea
        ref={ref}
        label={t('comment.label')}
        description={ruleText}
        value={draft}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          onDirty();
          if (timer.current !== null) clearTimeout(timer.current);
          timer.current = setTimeout(flush, PAUSE_MS);
        }}
        onBlur={flush}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={8000}
        required={problem !== null}
        error={
          problem?.kind === 'missing'
            ? t('comment.missing')
            : problem?.kind === 'tooShort'
              ? t('comment.tooShort', { min: problem.min, have: problem.have })
              : null
        }
        data-testid="comment"
        data-problem={problem?.kind ?? ''}
      />
      <Group justify="flex-end" mt={2}>
        <Text size="xs" c="dimmed" data-testid="comment-length">
          {t('comment.length', { count: textLength(draft) })}
        </Text>
      </Group>
    </div>
  );
});
