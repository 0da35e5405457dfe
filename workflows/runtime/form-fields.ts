// Field types the task and decision forms of every journey kind share.
import { text } from './storable-text';

/** What a person writes (notes, scope, a plan); bounded, since it is stored and kept in history. */
export const longText = text(5000);
/** A name or a role. */
export const name = text(200);
