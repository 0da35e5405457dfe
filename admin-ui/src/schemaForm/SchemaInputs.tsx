import { Alert, Box, Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
} from 'react-admin';
import type { Field } from './jsonSchema';
import { LineTotal, ListTotal, MoneyInput, pricedLine } from './MoneyInput';
import { PersonInput } from './PersonInput';
import { validatorsFor } from './validators';

// A few options read best side by side; more go into a drop-down.
const MAX_RADIO_OPTIONS = 4;

// `inline`: one of a list item's fields, side by side with the others, so kept to one line.
const SchemaInput = ({ field, source, inline = false }: { field: Field; source: string; inline?: boolean }) => {
  const common = { source, label: field.label, helperText: field.description ?? false, validate: validatorsFor(field) };
  switch (field.kind) {
    case 'choice':
      return field.options.length <= MAX_RADIO_OPTIONS ? (
        <RadioButtonGroupInput {...common} choices={field.options} />
      ) : (
        <SelectInput {...common} choices={field.options} />
      );
    case 'text':
      return <TextInput {...common} multiline={field.multiline && !inline} minRows={field.multiline && !inline ? 3 : undefined} />;
    case 'person':
      return <PersonInput {...common} helperText={field.description ?? false} />;
    case 'number':
      return <NumberInput {...common} step={field.integer ? 1 : 'any'} />;
    case 'money':
      return <MoneyInput {...common} />;
    case 'boolean':
      return <BooleanInput {...common} />;
    case 'textList':
      return (
        <TextArrayInput
          {...common}
          helperText={field.description ?? 'app.form.enter_each'}
          autoSelect // a value typed but not yet entered is kept when the field loses focus
        />
      );
    case 'objectList': {
      const price = pricedLine(field.fields);
      return (
        <>
          <ArrayInput {...common} helperText={false}>
            <SimpleFormIterator inline disableReordering>
              {field.fields.map((child) => (
                <SchemaInput key={child.name} field={child} source={child.name} inline />
              ))}
              {price && <LineTotal list={source} price={price} />}
            </SimpleFormIterator>
          </ArrayInput>
          {price && <ListTotal list={source} price={price} />}
        </>
      );
    }
    case 'object':
      return (
        <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 2, pb: 1 }}>
          <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
            {field.label}
          </Typography>
          <SchemaInputList fields={field.fields} prefix={`${source}.`} />
        </Box>
      );
    case 'unsupported':
      return <Alert severity="warning">“{field.label}” cannot be entered in this form yet.</Alert>;
  }
};

/** The inputs of a form generated from its JSON Schema, one per property, in the schema's order. */
export const SchemaInputList = ({ fields, prefix = '' }: { fields: Field[]; prefix?: string }) => (
  <Stack sx={{ width: '100%' }}>
    {fields.map((field) => (
      <SchemaInput key={field.name} field={field} source={`${prefix}${field.name}`} />
    ))}
  </Stack>
);
