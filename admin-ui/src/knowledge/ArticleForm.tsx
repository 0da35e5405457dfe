import { BooleanInput, Create, Edit, maxLength, required, SimpleForm, TextInput } from 'react-admin';

/** The limits the API checks (api/support/knowledge-routes.ts), so most mistakes show before saving. */
const ArticleForm = () => (
  <SimpleForm defaultValues={{ published: false }}>
    <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput
      source="category"
      validate={maxLength(50)}
      helperText="A ticket category: billing, technical, account, project, other. Empty: a general article, suggested in every category."
    />
    <TextInput
      source="body"
      multiline
      minRows={10}
      validate={[required(), maxLength(20_000)]}
      fullWidth
      helperText="Plain text; light markdown reads fine as it is. Customers see it as text."
    />
    <BooleanInput source="published" helperText="Only published articles are suggested to customers." />
  </SimpleForm>
);

// Pessimistic: the API's answer (a 400 naming a field, a 403) shows on the form, not after leaving it.
export const KnowledgeCreate = () => (
  <Create title="New article" redirect="show">
    <ArticleForm />
  </Create>
);

export const KnowledgeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ArticleForm />
  </Edit>
);
