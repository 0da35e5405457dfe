// Field types the task and decision forms of every journey kind share.
import { z } from 'zod';
import { optionalText, text } from './storable-text';

/** What a person writes (notes, scope, a plan); bounded, since it is stored and kept in history. */
export const longText = text(5000);
/** A name or a role. */
export const name = text(200);
/** A person's name, chosen from the staff in the admin UI (JSON Schema `format: "person"`), or typed: someone from outside. */
export const person = name.meta({ format: 'person' });
/** Free text that may be left out; left empty (an empty textarea) it is absent. */
export const said = (max: number) => optionalText(max).transform((s) => s || undefined);
/** An email address, stored lower-case. */
export const emailAddress = z.string().trim().toLowerCase().pipe(z.email('Must be an email address').max(254)).meta({ format: 'email', maxLength: 254 });
