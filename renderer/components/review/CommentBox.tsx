/** The criterion's comment, saved as the reviewer pauses, with its rule checked live. */
import { Group, Text, Textarea } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../shared/rubric/model.ts';
import { commentProblem, textLength } from '../../../shared/review/comment.ts';
import { useSavedDraft } from '../../lib/draft.ts';

export const CommentBox = forwardRef<
  HTMLTextAreaElement,
  { criterion: Criterion; score: number | null; value: string; onSave: (text: string) => void; onDirty: () => void }
>(function CommentBox({ criterion, score, value, onSave, onDirty }, ref) {
  const { t } = useTranslation();
  const { draft, change, flush } = useSavedDraft(value, onSave, onDirty);

  // Before a score is given the rule is stated, not flagged.
  const problem = commentProblem(criterion, score, draft);
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
        onChange={(e) => change(e.currentTarget.value)}
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
