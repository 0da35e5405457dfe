// Writing and editing a knowledge-base article. Saved through the API directly, not react-admin's
// mutation: after a 401 that one answers with empty data, which the form would take for a saved
// article. Here a 401 keeps what was typed (a draft in the browser), says the session ended and
// brings the person back to the form, filled in, once they log in again.
import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { BooleanInput, Create, Edit, maxLength, required, SaveButton, SimpleForm, TextInput, Toolbar, useGetIdentity, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { draftStore } from '../common/drafts';
import { isSessionEnded, useSessionEnded } from '../common/useSessionEnded';
import { apiFieldErrors, dataProvider, errorMessage } from '../dataProvider';
import { useT } from '../i18n/useT';
import type { KnowledgeArticle } from '../types';

type ArticleValues = Pick<KnowledgeArticle, 'title' | 'body' | 'category' | 'published'>;

// Drafts are the writer's own (a shared browser shows nobody else's), per article, and hold only
// what they changed: saved later, they do not undo what someone else changed meanwhile.
const drafts = draftStore<Partial<ArticleValues>>('pf:article-draft');
const draftKey = (userId: string, article: KnowledgeArticle | undefined) => `${userId}:${article ? String(article.id) : 'new'}`;

/** The fields of `values` that differ from the article as saved (all of them for a new one). */
const changedFrom = (values: ArticleValues, saved: KnowledgeArticle | undefined): Partial<ArticleValues> =>
  Object.fromEntries(Object.entries(values).filter(([field, value]) => !saved || JSON.stringify(value) !== JSON.stringify(saved[field as keyof ArticleValues])));

/** Saves the article (`saved`: an edit, which sends what changed), answering the API's 400s as the form's field errors. */
function useSaveArticle(saved: KnowledgeArticle | undefined, key: string) {
  const notify = useNotify();
  const redirect = useRedirect();
  const sessionEnded = useSessionEnded();
  const t = useT();
  return async (values: Partial<ArticleValues>) => {
    const { title = '', body = '', category, published = false } = values;
    const data: ArticleValues = { title, body, category: category || null, published };
    try {
      const answer = saved
        ? await dataProvider.update<KnowledgeArticle>('knowledge-articles', { id: saved.id, data, previousData: saved })
        : await dataProvider.create<KnowledgeArticle>('knowledge-articles', { data });
      drafts.clear(key);
      notify(saved ? t('app.knowledge.saved') : t('app.knowledge.created'), { type: 'success' });
      redirect('show', 'knowledge-articles', answer.data.id);
    } catch (err) {
      if (isSessionEnded(err)) {
        drafts.save(key, changedFrom(data, saved));
        sessionEnded(t('app.knowledge.not_saved_kept'));
        return undefined;
      }
      // A field's error under the field; one about the whole request ("nothing to change") said aloud.
      const fields = apiFieldErrors(err).filter((f) => f.field !== '(body)');
      if (fields.length) return Object.fromEntries(fields.map((f) => [f.field, f.message]));
      notify(errorMessage(err, t('app.knowledge.save_failed')), { type: 'error' });
      return undefined;
    }
  };
}

/** The limits the API checks (api/support/knowledge-routes.ts), so most mistakes show before saving. */
const ArticleForm = () => {
  const record = useRecordContext<KnowledgeArticle>();
  const { identity } = useGetIdentity();
  // Known by the time a form shows (requireAuth); the draft is looked for once it is.
  return identity ? <ArticleFormOf record={record} draftKey={draftKey(String(identity.id), record)} /> : null;
};

const ArticleFormOf = ({ record, draftKey: key }: { record: KnowledgeArticle | undefined; draftKey: string }) => {
  const save = useSaveArticle(record, key);
  const [draft, setDraft] = useState(() => drafts.load(key));
  const t = useT();
  const discard = () => {
    drafts.clear(key);
    setDraft(undefined);
  };
  return (
    // A draft restored is there to be saved, though nothing was typed since. Discarding it shows the article as saved.
    <SimpleForm
      key={draft ? 'draft' : 'saved'}
      record={{ published: false, ...record, ...draft }}
      onSubmit={save}
      toolbar={
        <Toolbar>
          <SaveButton alwaysEnable={!!draft} />
        </Toolbar>
      }
    >
      {draft && (
        <Alert
          severity="info"
          sx={{ mb: 2, width: '100%' }}
          action={
            <Button color="inherit" size="small" onClick={discard}>
              {t('app.knowledge.discard_draft')}
            </Button>
          }
        >
          {t('app.knowledge.draft_back')}
        </Alert>
      )}
      <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput
        source="category"
        validate={maxLength(50)}
        helperText={t('app.knowledge.category_hint')}
      />
      <TextInput
        source="body"
        multiline
        minRows={10}
        validate={[required(), maxLength(20_000)]}
        fullWidth
        helperText={t('app.knowledge.body_hint')}
      />
      <BooleanInput source="published" helperText={t('app.knowledge.published_hint')} />
    </SimpleForm>
  );
};

export const KnowledgeCreate = () => {
  const t = useT();
  return (
    <Create title={t('app.lists.new_article')}>
      <ArticleForm />
    </Create>
  );
};

export const KnowledgeEdit = () => (
  <Edit mutationMode="pessimistic">
    <ArticleForm />
  </Edit>
);
