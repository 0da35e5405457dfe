// What a customer would be offered for a text: the suggestions the "get help" page shows before a
// ticket is raised, so staff can check an article comes up for the words customers use.
import { Box, Card, CardContent, CardHeader, Link, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useCreatePath } from 'react-admin';
import { useDebounced } from '../common/useDebounced';
import { errorMessage, httpClient } from '../dataProvider';
import { useT } from '../i18n/useT';
import type { ArticleSuggestion } from '../types';

/** The excerpt's parts as text, the matched words marked: nothing in an article is read as HTML. */
const Excerpt = ({ parts }: { parts: ArticleSuggestion['excerpt'] }) => (
  <>{parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>
);

export const SuggestionPreview = () => {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const createPath = useCreatePath();
  const t = useT();
  const { data, error, isFetching } = useQuery({
    queryKey: ['knowledge-suggestions', q],
    enabled: q.length > 0,
    queryFn: ({ signal }) =>
      httpClient(`/api/knowledge-articles/suggestions?${new URLSearchParams({ q })}`, { signal }).then(({ json }) => json as ArticleSuggestion[]),
  });
  return (
    // Beside the list from `md` up; below it on narrower screens (KnowledgeList stacks them), across.
    <Card sx={{ width: { xs: 'auto', md: 340 }, ml: { xs: 0, md: 2 }, mt: { xs: 2, md: 0 }, flexShrink: 0, alignSelf: { xs: 'stretch', md: 'flex-start' } }}>
      <CardHeader title={t('app.knowledge.try_title')} subheader={t('app.knowledge.try_hint')} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        <TextField
          label={t('app.knowledge.describe')}
          value={text}
          onChange={(event) => setText(event.target.value.slice(0, 2_000))}
          multiline
          minRows={2}
          fullWidth
          size="small"
        />
        {error && (
          <Typography color="error" variant="body2" sx={{ mt: 1 }}>
            {errorMessage(error, t('app.knowledge.suggestions_failed'))}
          </Typography>
        )}
        {q && data && !isFetching && data.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('app.knowledge.no_suggestion')}
          </Typography>
        )}
        <List dense disablePadding>
          {(q ? (data ?? []) : []).map((s) => (
            <ListItem key={s.id} disableGutters alignItems="flex-start">
              <ListItemText
                primary={
                  <Link component={RouterLink} to={createPath({ resource: 'knowledge-articles', id: s.id, type: 'show' })}>
                    {s.title}
                  </Link>
                }
                secondary={
                  <Box component="span">
                    <Excerpt parts={s.excerpt} />
                  </Box>
                }
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
};
